using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Process-local drafts (one web node; lost on restart). A load-balanced deployment would keep drafts as Platform
/// <c>Application</c> rows in state Draft instead. Idle drafts are dropped after <see cref="IdleLifetime"/>.
/// </summary>
public sealed class InMemoryWizardDraftStore(TimeProvider clock) : IWizardDraftStore
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, WizardDraft> _drafts = new(StringComparer.Ordinal);

    public WizardDraft? Find(string id)
    {
        if (!_drafts.TryGetValue(id, out WizardDraft? draft))
        {
            return null;
        }

        if (clock.GetUtcNow() - draft.UpdatedAt > IdleLifetime)
        {
            _drafts.TryRemove(id, out _);
            return null;
        }

        return draft;
    }

    public WizardDraft Create(DateTimeOffset now)
    {
        Sweep(now);
        var draft = new WizardDraft(Convert.ToHexString(RandomNumberGenerator.GetBytes(18)), now);
        _drafts[draft.Id] = draft;
        return draft;
    }

    public void Save(WizardDraft draft, DateTimeOffset now)
    {
        draft.UpdatedAt = now;
        _drafts[draft.Id] = draft;
    }

    public void Remove(string id) => _drafts.TryRemove(id, out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (KeyValuePair<string, WizardDraft> pair in _drafts)
        {
            if (now - pair.Value.UpdatedAt > IdleLifetime)
            {
                _drafts.TryRemove(pair.Key, out _);
            }
        }
    }
}
