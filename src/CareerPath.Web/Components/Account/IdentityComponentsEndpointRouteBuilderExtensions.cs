using CareerPath.Data.Identity;
using Microsoft.AspNetCore.Identity;
using System.Text.Json;
using CareerPath.Web.Security;
using CareerPath.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CareerPath.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the account pages post to that are not pages themselves.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // The token is checked here rather than by UseAntiforgery, whose refusal would be an error page: a post without
        // a valid token signs nothing out and goes to a page that asks again with a fresh form.
        accountGroup.MapPost("/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            if (!await IsValidFormPostAsync(context))
            {
                return TypedResults.LocalRedirect("~/Account/SignOut");
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/" + LocalUrl.OrDefault(context.Request.Form["ReturnUrl"], ""));
        }).DisableAntiforgery();

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        manageGroup.MapGet("/DownloadData", async (AccountDataService data, TimeProvider clock) =>
        {
            var export = await data.ExportAsync();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(export, AccountExport.Json);
            return TypedResults.File(bytes, "application/json", $"careerpath-data-{clock.GetUtcNow():yyyy-MM-dd}.json");
        });

        const long maxRequestBytes = AccountDataService.MaxImportBytes + (64 * 1024);
        manageGroup.MapPost("/ImportData", async (HttpContext context, AccountDataService data) =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            string message;
            if (file is null || file.Length == 0)
            {
                message = "Error: Choose the export file to import.";
            }
            else
            {
                try
                {
                    await using var stream = file.OpenReadStream();
                    message = await data.ImportAsync(stream, useFileDisplayName: form["useFileDisplayName"] == "true");
                }
                catch (CareerPath.Domain.Common.DomainException ex)
                {
                    message = "Error: " + ex.Message;
                }
            }

            return RedirectToDataPage(context, message);
        }).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: maxRequestBytes).AddEndpointFilter(async (context, next) =>
        {
            // Refuse an oversized upload before reading it; then check the token (the form is read by hand).
            if (context.HttpContext.Request.ContentLength is null or > maxRequestBytes)
            {
                return RedirectToDataPage(context.HttpContext,
                    $"Error: The file is larger than {AccountDataService.MaxImportBytes / 1024 / 1024} MB, so it is not a CareerPath export. Nothing was imported.");
            }

            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : TypedResults.BadRequest("The form has expired. Reload the page and try again.");
        });

        return accountGroup;
    }

    private static async Task<bool> IsValidFormPostAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A malformed or cut-off form body.
            return false;
        }
    }

    private static IResult RedirectToDataPage(HttpContext context, string message)
    {
        context.Response.Cookies.Append(IdentityRedirectManager.StatusCookieName, message,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromSeconds(5) });
        return TypedResults.LocalRedirect("~/Account/Manage/Data");
    }
}
