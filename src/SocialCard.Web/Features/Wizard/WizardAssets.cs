using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The wizard's small stylesheet and script, served from here because the feature owns no wwwroot files and the CSP
/// forbids inline styles and scripts. The script only adds instant checks; every rule is enforced on the server too.
/// </summary>
public static class WizardAssets
{
    public const string Css = """
        .wz-progress { list-style: none; padding: 0; margin: 0 0 6px; display: flex; flex-wrap: wrap; font-size: 14px; }
        .wz-progress li { margin: 0 6px 6px 0; padding: 3px 8px; border: 1px solid #cbd2d9; background: #fff; }
        .wz-progress li.wz-on { background: #0b5cad; color: #fff; border-color: #0b5cad; font-weight: bold; }
        .wz-progress li.wz-done { background: #e3f9e5; }
        .wz-progress li.wz-todo { color: #52606d; }
        .wz-progress a { text-decoration: none; color: inherit; }
        .wz-n { display: inline-block; min-width: 1.2em; text-align: center; }
        .wz-facts { display: flex; flex-wrap: wrap; margin: 0 0 14px; }
        .wz-facts dt { box-sizing: border-box; width: 30%; padding-right: 12px; font-weight: bold; margin: 2px 0; }
        .wz-facts dd { box-sizing: border-box; width: 70%; margin: 2px 0; word-break: break-all; }
        .wz-check, .wz-radio { display: block; font-weight: normal; margin: 8px 0; }
        .wz-field-error { display: block; color: #b42318; font-size: 14px; }
        .wz-errors ul { margin: 0 0 8px; }
        .wz-errors.validation-summary-valid { display: none; }
        .wz-photo { width: 179px; height: 220px; object-fit: contain; border: 1px solid #cbd2d9; background: #fff; margin: 0 12px 8px 0; }
        .wz-card { width: 240px; height: 151px; object-fit: contain; border: 1px solid #cbd2d9; background: #fff; margin: 0 12px 8px 0; display: block; }
        .wz-review { display: flex; flex-wrap: wrap; align-items: flex-start; }
        .compare { display: flex; flex-wrap: wrap; } .compare figure { margin: 0 16px 12px 0; }
        .wz-invalid { border-color: #b42318 !important; }
        .wz-text p { margin-top: 0; }
        .sq-answer { font-size: 17px; }
        @media (max-width: 600px) { .wz-facts dt, .wz-facts dd { width: 100%; } .wz-progress li { font-size: 13px; } }
        """;

    /// <summary>Instant GB 11643 check of the ID number and mobile pattern while typing.</summary>
    public const string Js = """
        (function () {
          var w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], c = '10X98765432';
          function residentOk(v) {
            if (!/^[0-9]{17}[0-9X]$/.test(v)) return false;
            var s = 0; for (var i = 0; i < 17; i++) s += (+v.charAt(i)) * w[i];
            return c.charAt(s % 11) === v.charAt(17);
          }
          function mark(el, ok) { if (ok) el.classList.remove('wz-invalid'); else el.classList.add('wz-invalid'); el.setAttribute('aria-invalid', ok ? 'false' : 'true'); }
          var id = document.querySelector('[data-wz-idnumber]'), type = document.querySelector('[data-wz-idtype]');
          if (id) id.addEventListener('input', function () {
            var v = id.value.trim().toUpperCase();
            var passport = type && type.value === 'Passport';
            mark(id, v.length === 0 || (passport ? /^[A-Z0-9]{5,20}$/.test(v) : (v.length < 18 || residentOk(v))));
          });
          var m = document.querySelector('[data-wz-mobile]');
          if (m) m.addEventListener('input', function () { var v = m.value.trim(); mark(m, v.length < 11 || /^1[3-9][0-9]{9}$/.test(v)); });
        })();
        """;

    public static void MapWizardAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/apply/assets/wizard.css", () => Asset(Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet("/apply/assets/wizard.js", () => Asset(Js, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    private static ContentHttpResult Asset(string content, string type) => TypedResults.Content(content, type);
}
