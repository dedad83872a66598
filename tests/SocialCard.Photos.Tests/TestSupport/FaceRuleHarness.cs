using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>Evaluates rules on a photo with a given face observation (the synthetic portrait unless told otherwise).</summary>
internal static class FaceRuleHarness
{
    /// <summary>The synthetic portrait with its hair top moved to 14 px below the upper edge (a compliant geometry).</summary>
    public static byte[] CompliantPortrait(Action<RgbImage>? edit = null) => TestPhotos.Portrait(image =>
    {
        HairFrom(image, 14);
        edit?.Invoke(image);
    });

    /// <summary>Paints hair from row <paramref name="top"/> down to the synthetic hair line over the head's columns.</summary>
    public static void HairFrom(RgbImage image, int top) => ImageEdits.Fill(image, 110, top, 139, 60 - top, (38, 30, 26));

    public static RuleFinding Evaluate(IPhotoRule rule, ObservedFace? face, byte[]? photo = null, SpecProfile? profile = null) =>
        Evaluate(rule, face is null ? new FaceObservation { Faces = [] } : new FaceObservation { Faces = [face] }, photo, profile);

    public static RuleFinding Evaluate(IPhotoRule rule, FaceObservation? observation, byte[]? photo = null, SpecProfile? profile = null)
    {
        SpecProfile p = profile ?? TestPhotos.Suzhou;
        using PhotoContext context = PhotoContext.Create(photo ?? CompliantPortrait(), TestPhotos.GoodName, p, new FixedFaceDetector(observation));
        return rule.Evaluate(context, p);
    }
}
