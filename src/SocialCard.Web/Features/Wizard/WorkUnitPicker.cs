using SocialCard.Platform.Centre;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// 现今工作单位 as the applicant picks it, in the wizard's unit step and on the change page alike: a top-level unit found
/// by name or number, then an optional second and third level under it. <see cref="SanitiseAsync"/> drops sub-unit
/// choices that do not belong under the chosen parent; <see cref="LoadAsync"/> fills the lists and the bank the deepest
/// choice resolves to.
/// </summary>
public sealed class WorkUnitPicker
{
    public long? TopId { get; set; }

    public long? Level2Id { get; set; }

    public long? Level3Id { get; set; }

    public IReadOnlyList<UnitChoice> Candidates { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Level2Options { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Level3Options { get; private set; } = [];

    /// <summary>The bank of the deepest choice (name and branch), null when none is chosen or no level has one.</summary>
    public string? Bank { get; private set; }

    /// <summary>Forgets the choices and the lists (after a change is saved, the form starts empty).</summary>
    public void Clear()
    {
        (TopId, Level2Id, Level3Id) = (null, null, null);
        (Candidates, Level2Options, Level3Options, Bank) = ([], [], [], null);
    }

    /// <summary>Drops sub-unit choices that do not belong under the chosen parent; returns the deepest valid unit.</summary>
    public async Task<UnitChoice?> SanitiseAsync(IApplicantRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        UnitChoice? top = TopId is { } id ? await registry.GetUnitAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (top is null)
        {
            TopId = Level2Id = Level3Id = null;
            return null;
        }

        UnitChoice? level2 = Level2Id is { } id2 ? await registry.GetUnitAsync(id2, cancellationToken).ConfigureAwait(false) : null;
        if (level2 is null || level2.ParentId != top.Id)
        {
            Level2Id = Level3Id = null;
            return top;
        }

        UnitChoice? level3 = Level3Id is { } id3 ? await registry.GetUnitAsync(id3, cancellationToken).ConfigureAwait(false) : null;
        if (level3 is null || level3.ParentId != level2.Id)
        {
            Level3Id = null;
            return level2;
        }

        return level3;
    }

    /// <summary>The units found by <paramref name="query"/> (the chosen one always among them), the sub-unit lists under
    /// the choices and the bank.</summary>
    public async Task LoadAsync(IApplicantRegistry registry, CentreOptions centre, string? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var candidates = new List<UnitChoice>();
        if (!string.IsNullOrWhiteSpace(query))
        {
            candidates.AddRange(await registry.SearchUnitsAsync(query.Trim(), 20, cancellationToken).ConfigureAwait(false));
        }

        UnitChoice? chosen = TopId is { } id ? await registry.GetUnitAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (chosen is not null && candidates.TrueForAll(c => c.Id != chosen.Id))
        {
            candidates.Insert(0, chosen);
        }

        Candidates = candidates;
        if (chosen is null)
        {
            return;
        }

        Level2Options = await registry.ChildUnitsAsync(chosen.Id, cancellationToken).ConfigureAwait(false);
        UnitChoice deepest = chosen;
        if (Level2Id is { } id2 && Level2Options.FirstOrDefault(u => u.Id == id2) is { } l2)
        {
            deepest = l2;
            Level3Options = await registry.ChildUnitsAsync(id2, cancellationToken).ConfigureAwait(false);
            if (Level3Id is { } id3 && Level3Options.FirstOrDefault(u => u.Id == id3) is { } l3)
            {
                deepest = l3;
            }
        }

        Bank = ApplicationDetailsModel.BankText(centre, deepest.BankCode, deepest.BankBranch);
    }
}
