namespace SocialCard.Platform.Bulk;

/// <summary>How a photo got its personal number on the bulk desk.</summary>
public enum BulkNameSource
{
    /// <summary>No number: the name matched nobody (see the photo's naming problem).</summary>
    None,

    /// <summary>The file was already named by the 10-digit personal number.</summary>
    PersonalNumber,

    /// <summary>Named by the ID number, renamed from the staff list.</summary>
    IdNumber,

    /// <summary>Named by the person's name, renamed from the staff list.</summary>
    Name,
}
