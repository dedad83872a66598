using System.Globalization;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Registry;

namespace SocialCard.Platform.Demo;

/// <summary>Seeded generator of plausible data: resident IDs with correct check characters and matching birth date and
/// gender, Chinese names, mobile numbers, 10-digit personal numbers, and a unit tree (three levels) with banks.
/// The same seed gives the same data.</summary>
public sealed class DemoDataGenerator(int seed)
{
    private readonly Random _rng = new(seed);
    private long _personalNumber = 100_000;
    private int _unitCode = 325_000;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public string NextResidentId(out DateOnly birth, out Gender gender)
    {
        while (true)
        {
            var region = DemoNames.Regions[_rng.Next(DemoNames.Regions.Length)];
            birth = new DateOnly(1955, 1, 1).AddDays(_rng.Next(0, 365 * 50));
            var seq = _rng.Next(1, 1000);
            gender = seq % 2 == 1 ? Gender.Male : Gender.Female;
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{seq:D3}");
            var id = first17 + ResidentIdNumber.ComputeCheckChar(first17);
            if (_ids.Add(id))
            {
                return id;
            }
        }
    }

    public string NextName(Gender gender)
    {
        var pool = gender == Gender.Female ? DemoNames.GivenFemale : DemoNames.GivenMale;
        var surname = DemoNames.Surnames[_rng.Next(DemoNames.Surnames.Length)];
        var given = pool[_rng.Next(pool.Length)] + (_rng.Next(3) == 0 ? string.Empty : pool[_rng.Next(pool.Length)]);
        return surname + given;
    }

    public string NextPhone() =>
        string.Create(CultureInfo.InvariantCulture, $"1{_rng.Next(3, 10)}{_rng.Next(0, 1_000_000_000):D9}");

    /// <summary>10 digits, "01" + 8-digit counter (unique per generator).</summary>
    public string NextPersonalNumber() => string.Create(CultureInfo.InvariantCulture, $"01{++_personalNumber:D8}");

    public PersonRow NextPerson(long? unitId)
    {
        var id = NextResidentId(out var birth, out var gender);
        return new PersonRow(IdType.ResidentId, id, "CHN", "SB" + id[6..], NextPersonalNumber(), NextName(gender), gender, birth, "中国",
            _rng.Next(10) == 0 ? null : NextPhone(), unitId);
    }

    /// <summary>Top units with second- and third-level sub-units; banks sit on the top units (and some departments
    /// override the branch), as in the Chengdu form.</summary>
    public List<Unit> NextUnitTree(int topUnits, IReadOnlyList<Centre.CentreBank>? banks = null)
    {
        banks ??= Centre.CentreOptions.DefaultBanks;
        var all = new List<Unit>();
        for (var i = 0; i < topUnits; i++)
        {
            var bank = banks[_rng.Next(banks.Count)].Code;
            var name = $"{DemoNames.Places[_rng.Next(DemoNames.Places.Length)]}{DemoNames.UnitWords[_rng.Next(DemoNames.UnitWords.Length)]}有限公司";
            var top = new Unit((++_unitCode).ToString(CultureInfo.InvariantCulture), name, null, bank,
                DemoNames.Branches[_rng.Next(DemoNames.Branches.Length)]);
            all.Add(top);
            var depts = _rng.Next(0, 4);
            for (var d = 0; d < depts; d++)
            {
                var code2 = string.Create(CultureInfo.InvariantCulture, $"{top.Code}-{d + 1:D2}");
                var dept = _rng.Next(4) == 0
                    ? new Unit(code2, DemoNames.Departments[d % DemoNames.Departments.Length], top, bank, DemoNames.Branches[_rng.Next(DemoNames.Branches.Length)])
                    : new Unit(code2, DemoNames.Departments[d % DemoNames.Departments.Length], top);
                all.Add(dept);
                var teams = _rng.Next(0, 3);
                for (var t = 0; t < teams; t++)
                {
                    all.Add(new Unit(string.Create(CultureInfo.InvariantCulture, $"{code2}-{t + 1:D2}"), DemoNames.Teams[t % DemoNames.Teams.Length], dept));
                }
            }
        }

        return all;
    }

    public int Next(int maxExclusive) => _rng.Next(maxExclusive);
}
