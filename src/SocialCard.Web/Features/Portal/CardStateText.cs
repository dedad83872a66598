using SocialCard.Platform.Domain;
using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Portal;

/// <summary>Card states in the visitor's language (Chinese from the Platform's state machine).</summary>
public static class CardStateText
{
    public static string Name(UiText text, CardState? state) => state is not { } s
        ? text.Pick("未申领", "No card yet")
        : text.Pick(CardStateMachine.ZhName(s), s switch
        {
            CardState.Collecting => "Collecting",
            CardState.PhotoPassed => "Photo passed",
            CardState.PhotoFailed => "Photo failed",
            CardState.SentToCardCentre => "Sent to card centre",
            CardState.Ingested => "Photo ingested",
            CardState.Voided => "Voided",
            CardState.Produced => "Produced",
            CardState.ReadyForPickup => "Ready for pick-up",
            CardState.PickedUp => "Picked up",
            CardState.ProductionFailed => "Production failed",
            CardState.Resubmitted => "Resubmitted",
            _ => s.ToString(),
        });
}
