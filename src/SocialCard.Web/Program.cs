using SocialCard.Web.Features.Account;
using SocialCard.Web.Features.Console;
using SocialCard.Web.Features.Integration;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Hosting;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformServices();
builder.AddAccountServices();
builder.AddPhotoCheckServices();
builder.AddPortalServices();
builder.AddConsoleServices();
builder.AddApplicantServices();

WebApplication app = builder.Build();

app.UseServiceDefaults();
app.MapAccount();
app.MapPhotoCheckApi();
app.MapIntegrationApi();
app.MapPortal();
app.MapConsole();
app.MapApplicantEndpoints();
app.MapRazorPages();

await app.RunAsync();
