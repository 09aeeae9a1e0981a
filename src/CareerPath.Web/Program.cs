using CareerPath.Data;
using CareerPath.Data.Identity;
using CareerPath.Data.Seeding;
using CareerPath.Web;
using CareerPath.Web.Capacity;
using CareerPath.Web.Components;
using CareerPath.Web.Components.Account;
using CareerPath.Web.Features.Assessment;
using CareerPath.Web.Features.Frameworks;
using CareerPath.Web.Features.Goals;
using CareerPath.Web.Features.Personal;
using CareerPath.Web.Features.Roadmaps;
using CareerPath.Web.Security;
using CareerPath.Web.Services;
using CareerPath.Web.Services.Mail;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

// Before anything creates a file: the database, its -wal/-shm and the key ring are the owner's alone (umask 077).
OwnerOnly.RestrictNewFiles();

// The app's files (wwwroot, settings, the catalog) sit next to the executable: found there whatever the current
// directory (systemd, cron, a shell elsewhere), unless a content root is given.
var contentRootGiven = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
    || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory,
});

// Serve wwwroot and library assets straight from the build output in every environment (the tests run the
// built app in Production); a published app has no manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

ReverseProxy reverseProxy;
SmtpSettings? smtp;
try
{
    reverseProxy = ReverseProxy.FromConfiguration(builder.Configuration);
    smtp = SmtpSettings.FromConfiguration(builder.Configuration);
}
catch (SettingsException ex)
{
    await Console.Error.WriteLineAsync($"CareerPath cannot start. {ex.Message}");
    return 1;
}

reverseProxy.Apply(builder.Services);

var connectionString = DatabaseSetup.ResolveConnectionString(builder.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName));
builder.Services.AddCareerPathData(connectionString);
// Made by a factory so the container disposes it, which releases the database lock when the app stops.
builder.Services.AddSingleton(_ => new DatabaseLocation(connectionString, CatalogFile.Resolve(builder.Configuration["Catalog:Path"])));
builder.Services.AddSingleton<CatalogProvider>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<UserData>();
builder.Services.AddSingleton<PlanVersions>();
builder.Services.AddScoped<PlanCatalog>();
builder.Services.AddScoped<UserClock>();
builder.Services.AddScoped<AssessmentService>();
builder.Services.AddScoped<FeedbackService>();
builder.Services.AddScoped<RespondentService>();
builder.Services.AddHostedService<FeedbackRoundCloser>();
builder.Services.AddScoped<AspirationService>();
builder.Services.AddScoped<RoadmapService>();
builder.Services.AddScoped<GoalService>();
builder.Services.AddScoped<DashboardService>();
builder.Services.AddScoped<AccountDataService>();
builder.Services.AddScoped<FrameworkService>();
builder.Services.AddScoped<FrameworkEditService>();
builder.Services.AddScoped<PlanMoveService>();
builder.Services.AddHttpContextAccessor();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddCircuitAdmission();

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddSingleton<ServerSessions>();
builder.Services.AddSingleton<CareerPath.Web.Components.Shared.HandOverStore>();
builder.Services.AddScoped<CircuitHandler, SessionCircuitHandler>();
builder.Services.AddSingleton<DummyPasswordHash>();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.AddAuthorization();

builder.Services.AddIdentityCore<ApplicationUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = builder.Configuration.GetValue("Accounts:RequireConfirmedAccount", false);
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = AccountRules.MinPasswordLength;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = AccountRules.MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = AccountRules.LockoutDuration;
    })
    .AddEntityFrameworkStores<CareerPathDbContext>()
    .AddSignInManager<UniformSignInManager>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<StrongPasswordValidator>();

// ASVS 5.0 asks for at least 210,000 PBKDF2 iterations; older hashes are upgraded at the next sign-in.
builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = AccountRules.PasswordHashIterations);
if (smtp is null)
{
    builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
}
else
{
    builder.Services.AddSingleton(smtp);
    builder.Services.AddSingleton<IEmailSender<ApplicationUser>, SmtpEmailSender>();
}

// Password reset and confirmation links work for an hour (and a reset link once: it changes the security stamp).
var linkMinutes = builder.Configuration.GetValue("Accounts:EmailLinkMinutes", AccountRules.EmailLinkLifetime.TotalMinutes);
builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromMinutes(Math.Clamp(linkMinutes, 0.01, 24 * 60)));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    SecurityStampCheck.Apply(options);
    SessionLifetime.Apply(options);
    ServerSessions.Apply(options);
    BrowserTimeZone.Apply(options);
});
// Session expiry follows the app's clock, so it can be tested without waiting 12 hours.
builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
builder.Services.AddCareerPathRateLimits(builder.Configuration);

builder.Services.AddDataProtection()
    .SetApplicationName("CareerPath")
    .PersistKeysToFileSystem(new DirectoryInfo(DatabaseSetup.KeysFolderFor(connectionString)));

// Healthy only if a write commits, so a read-only or full database is reported too.
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

// blazor.web.js is embedded in the .NET 9 framework, not a static asset MapStaticAssets precompresses: compress that
// one script on the fly. Only there: pages carry antiforgery tokens, and compressing secrets over TLS invites BREACH.
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    options.MimeTypes = ["text/javascript", "application/javascript"];
});

var app = builder.Build();

try
{
    await app.Services.GetRequiredService<DatabaseLocation>().InitializeAsync(app.Services);
}
catch (Exception ex) when (ex is DatabaseStartupException or CatalogException)
{
    // One readable line instead of a stack trace: the operator needs the path and the reason.
    await Console.Error.WriteLineAsync($"CareerPath cannot start. {ex.Message}");
    return 1;
}

// First, so the client's address and scheme are known to everything after (rate limits, cookies, redirects, HSTS).
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase), framework => framework.UseResponseCompression());
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseRateLimiter();
// Called here, not left to WebApplication (which would run them first): the redirect to sign-in then leaves
// through the security headers above like every other answer.
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
// After authentication (a signed-in user already holding a circuit is no newcomer), before any page or circuit starts.
// The WebSocket feature before admission, so a circuit's socket is known as one there and counted while it is open
// (SignalR adds the same middleware only inside its own endpoint, after admission has run).
app.UseWebSockets();
app.UseCircuitAdmission();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
// No WebSocket compression: it costs each circuit about 350 KB of native zlib state (docs/benchmarks.md, "Circuits"),
// for render batches that are small binary diffs. Can be turned back on with Circuits:WebSocketCompression.
var compressWebSockets = app.Configuration.GetValue("Circuits:WebSocketCompression", false);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = !compressWebSockets);
app.MapAdditionalIdentityEndpoints();
app.MapRoadmapExports();
app.MapGoalExports();
app.MapFrameworkExports();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
