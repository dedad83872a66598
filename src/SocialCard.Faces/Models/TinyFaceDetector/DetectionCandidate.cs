namespace SocialCard.Faces.Models.TinyFaceDetector;

/// <summary>One decoded anchor box, relative to the image (0..1 on each axis), with its score.</summary>
internal readonly record struct DetectionCandidate(double X, double Y, double Width, double Height, double Score);
