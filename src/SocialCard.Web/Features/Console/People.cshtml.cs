using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// Staff look-ups: by ID number (exact, through the keyed hash; posted, so the number never lands in a URL or log)
/// and by unit code (masked list). Both are audited by the Platform.
/// </summary>
public sealed class PeopleModel(PeopleQueryService people, PlatformDatabase database) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = SocialCard.Web.Features.Portal.PagerModel.PageParameter)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PersonListItem> List { get; private set; } = [];

    public PersonDetail? Person { get; private set; }

    public CardState? PersonCard { get; private set; }

    public bool NothingFound { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Unit))
        {
            return;
        }

        await using PlatformDbContext db = database.CreateDbContext();
        string code = Unit.Trim();
        long? unitId = await db.Units.Where(u => u.Code == code).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (unitId is null)
        {
            NothingFound = true;
            return;
        }

        PageNumber = Math.Max(1, PageNumber);
        List = await people.ListUnitPeopleAsync(unitId.Value, PageNumber - 1, PageSize, User.AuditActor(), cancellationToken);
    }

    public async Task<IActionResult> OnPostByIdAsync(string? idNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idNumber))
        {
            NothingFound = true;
            return Page();
        }

        Person = await people.FindByIdNumberAsync(idNumber.Trim().ToUpperInvariant(), User.AuditActor(), cancellationToken);
        NothingFound = Person is null;
        if (Person is not null)
        {
            await using PlatformDbContext db = database.CreateDbContext();
            PersonCard = await db.CardRecords.Where(c => c.PersonId == Person.Id).OrderByDescending(c => c.Id).Select(c => (CardState?)c.State).FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }
}
