namespace SocialCard.Platform.Batches;

/// <summary>Whether a refusal sinks the whole package or only one entry.</summary>
public enum BatchRefusalScope
{
    /// <summary>The whole package is refused; no entry of it is accepted.</summary>
    Package = 0,

    /// <summary>Only the named entry is refused; the rest of the package goes on.</summary>
    Entry = 1,
}
