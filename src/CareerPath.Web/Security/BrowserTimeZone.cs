using System.Security.Claims;
using CareerPath.Data;
using CareerPath.Domain.Common;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace CareerPath.Web.Security;

/// <summary>
/// The browser says its time zone in a cookie (wwwroot/js/timezone.js); on each sign-in it becomes the profile's
/// zone when the profile has none yet. A zone the user chose in their profile is never overwritten.
/// </summary>
public static class BrowserTimeZone
{
    public const string CookieName = "CareerPath.TimeZone";

    /// <summary>The zone the browser reported, if it is one this machine knows.</summary>
    public static string? From(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var id) && UserTimeZone.Find(id) is { } zone ? zone.Id : null;

    public static void Apply(CookieAuthenticationOptions options)
    {
        var signedIn = options.Events.OnSignedIn;
        options.Events.OnSignedIn = async context =>
        {
            if (From(context.HttpContext) is { } zone && context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                var factory = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<CareerPathDbContext>>();
                await using var db = await factory.CreateDbContextAsync();
                await WriteGate.WriteAsync(() => db.Users.Where(u => u.Id == userId && u.TimeZone == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZone, zone)));
            }

            await signedIn(context);
        };
    }
}
