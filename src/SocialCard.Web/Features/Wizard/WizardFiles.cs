using Microsoft.AspNetCore.Http.HttpResults;
using SocialCard.Imaging;
using SocialCard.Web.Features.RegistrationForm;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Images and the PDF of the visitor's own draft, found by the wizard cookie (never by an id in the URL, so one
/// applicant cannot fetch another's files), plus the restart action.
/// </summary>
public static class WizardFiles
{
    public static RouteGroupBuilder MapWizardFiles(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/apply").ExcludeFromDescription();
        group.MapGet("/files/{name}", GetFileAsync);
        group.MapGet("/form.pdf", GetFormAsync);
        group.MapPost("/restart", RestartAsync).DisableAntiforgery(); // validated in the handler (no form parameters to bind)
        return group;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetFileAsync(
        string name, HttpContext context, IWizardDraftStore drafts, IApplicantRegistry registry, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        WizardDraft? draft = await WizardCookie.FindAsync(context, drafts, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return TypedResults.NotFound();
        }

        byte[]? bytes = name switch
        {
            "photo" => draft.Photo,
            "photo-original" => draft.PhotoOriginal,
            "photo-on-file" when draft.HasProvenIdentity && draft.Person is { HasPhotoOnFile: true } person =>
                await registry.PhotoOnFileAsync(person.PersonId, cancellationToken).ConfigureAwait(false),
            "idcard-front" => draft.IdCardFront,
            "idcard-back" => draft.IdCardBack,
            _ => null,
        };
        if (bytes is null)
        {
            return TypedResults.NotFound();
        }

        return Browsable(bytes);
    }

    /// <summary>JPEG and PNG go out as they are; anything else a browser cannot show (HEIC, BMP) as JPEG.</summary>
    internal static Results<FileContentHttpResult, NotFound> Browsable(byte[] bytes)
    {
        ImageFormat format = ImageFormatSniffer.Detect(bytes);
        if (format == ImageFormat.Jpeg)
        {
            return TypedResults.File(bytes, "image/jpeg");
        }

        if (format == ImageFormat.Png)
        {
            return TypedResults.File(bytes, "image/png");
        }

        try
        {
            return TypedResults.File(PhotoModel.AsJpeg(bytes), "image/jpeg");
        }
        catch (InvalidImageContentException)
        {
            return TypedResults.NotFound();
        }
        catch (SocialCard.Imaging.Native.NativeLibraryMissingException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetFormAsync(
        HttpContext context, IWizardDraftStore drafts, ApplicationViews applications, RegistrationFormGenerator generator,
        bool inline = false, CancellationToken cancellationToken = default)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (await WizardCookie.FindAsync(context, drafts, cancellationToken).ConfigureAwait(false) is not { ApplicationId: { } id }
            || await applications.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return FormFile(generator, view, inline);
    }

    internal static FileContentHttpResult FormFile(RegistrationFormGenerator generator, ApplicationView view, bool inline)
    {
        byte[] pdf = generator.Generate(RegistrationFormMapper.From(view, generator.Centre));
        return TypedResults.File(pdf, "application/pdf", inline ? null : view.Reference + ".pdf");
    }

    private static async Task<Results<RedirectHttpResult, BadRequest>> RestartAsync(HttpContext context, IWizardDraftStore drafts,
        Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return TypedResults.BadRequest(); // a cross-site post cannot throw away the visitor's draft
        }

        if (await WizardCookie.FindAsync(context, drafts, cancellationToken).ConfigureAwait(false) is { } draft)
        {
            await drafts.RemoveAsync(draft.Id, cancellationToken).ConfigureAwait(false);
        }

        WizardCookie.Delete(context);
        return TypedResults.Redirect("/apply");
    }
}
