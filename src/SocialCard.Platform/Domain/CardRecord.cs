namespace SocialCard.Platform.Domain;

/// <summary>制卡记录 / one person's card through the pipeline. Every transition goes through <see cref="MoveTo"/>,
/// which checks <see cref="CardStateMachine"/> and records a <see cref="CardStateChange"/> for the audit log.</summary>
public sealed class CardRecord
{
    /// <summary>Seed 000, 七: pick up 30 days after the production date.</summary>
    public const int PickupDelayDays = 30;

    private readonly List<CardStateChange> _changes = [];

    private CardRecord()
    {
        PersonalNumber = string.Empty;
    }

    public CardRecord(Person person, DateTimeOffset createdAt)
    {
        Person = person;
        PersonId = person.Id;
        PersonalNumber = person.PersonalNumber;
        State = CardState.Collecting;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public Person? Person { get; private set; }

    public string PersonalNumber { get; private set; }

    public CardState State { get; private set; }

    /// <summary>The photo whose review last moved this card.</summary>
    public long? PhotoId { get; private set; }

    /// <summary>The applicant's application whose photo last moved this card: the card-centre export waits until it has
    /// been handed over (its 24-hour change window is over). Null for the other channels.</summary>
    public long? ApplicationId { get; private set; }

    /// <summary>Reason of a void, a failed review or a failed production.</summary>
    public string? Reason { get; private set; }

    public DateOnly? ProducedOn { get; private set; }

    public DateOnly? ReadyForPickupOn { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by storage on every update.</summary>
    public int Version { get; internal set; }

    /// <summary>Transitions not yet written to the audit log.</summary>
    public IReadOnlyList<CardStateChange> PendingChanges => _changes;

    internal void ClearPendingChanges() => _changes.Clear();

    public void RecordPhotoReview(long photoId, bool passed, string? reason, DateTimeOffset at, string actor)
    {
        MoveTo(passed ? CardState.PhotoPassed : CardState.PhotoFailed, at, actor, passed ? null : reason);
        PhotoId = photoId;
        ApplicationId = null;
    }

    /// <summary>Holds the card for an application: not exported before its hand-over (see <see cref="ApplicationId"/>).</summary>
    public void HoldForApplication(long applicationId) => ApplicationId = applicationId;

    public void SendToCardCentre(DateTimeOffset at, string actor) => MoveTo(CardState.SentToCardCentre, at, actor, null);

    public void Ingest(DateTimeOffset at, string actor) => MoveTo(CardState.Ingested, at, actor, null);

    /// <summary>作废, e.g. "文件名称在数据库系统不存在" (no such personal number).</summary>
    public void Void(string reason, DateTimeOffset at, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        MoveTo(CardState.Voided, at, actor, reason);
    }

    /// <summary>Back to collecting after a void: a new photo will be submitted.</summary>
    public void Reopen(DateTimeOffset at, string actor) => MoveTo(CardState.Collecting, at, actor, null);

    public void MarkProduced(DateOnly producedOn, DateTimeOffset at, string actor)
    {
        MoveTo(CardState.Produced, at, actor, null);
        ProducedOn = producedOn;
        ReadyForPickupOn = producedOn.AddDays(PickupDelayDays);
    }

    /// <summary>Moves to ready-for-pickup; refuses before production date + 30 days.</summary>
    public void MarkReadyForPickup(DateOnly today, DateTimeOffset at, string actor)
    {
        if (State == CardState.Produced && today < ReadyForPickupOn)
        {
            DomainThrowHelper.Throw($"制卡日期30日之后（{ReadyForPickupOn:yyyy-MM-dd}起）方可领卡。",
                $"The card can be picked up from {ReadyForPickupOn:yyyy-MM-dd} (production date + 30 days).");
        }

        MoveTo(CardState.ReadyForPickup, at, actor, null);
    }

    public void PickUp(DateTimeOffset at, string actor)
    {
        MoveTo(CardState.PickedUp, at, actor, null);
        PickedUpAt = at;
    }

    public void FailProduction(string reason, DateTimeOffset at, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        MoveTo(CardState.ProductionFailed, at, actor, reason);
    }

    public void Resubmit(DateTimeOffset at, string actor) => MoveTo(CardState.Resubmitted, at, actor, null);

    private void MoveTo(CardState to, DateTimeOffset at, string actor, string? reason)
    {
        if (!CardStateMachine.CanMove(State, to))
        {
            DomainThrowHelper.Throw(
                $"制卡状态不能从“{CardStateMachine.ZhName(State)}”变为“{CardStateMachine.ZhName(to)}”。",
                $"Illegal card state transition from {State} to {to}.");
        }

        _changes.Add(new CardStateChange(State, to, at, actor, reason));
        State = to;
        Reason = reason;
        UpdatedAt = at;
    }
}
