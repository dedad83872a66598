using System.Diagnostics;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>poppler-utils (installed by setup.sh) run on a PDF held in memory: pdftotext, pdftoppm, pdfinfo, pdffonts.</summary>
public static class PdfTools
{
    /// <summary>The text of every page, layout kept (<c>pdftotext -layout</c>).</summary>
    public static string Text(byte[] pdf) => Run("pdftotext", pdf, "-layout", "-enc", "UTF-8", "{pdf}", "-");

    /// <summary>The first page as PNG (<c>pdftoppm -png -r dpi -f 1 -l 1</c>).</summary>
    public static byte[] FirstPagePng(byte[] pdf, int dpi)
    {
        string dir = Path.Combine(Path.GetTempPath(), "sc-pdf-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "in.pdf");
            File.WriteAllBytes(input, pdf);
            string prefix = Path.Combine(dir, "page");
            Exec("pdftoppm", ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", input, prefix]);
            return File.ReadAllBytes(prefix + ".png");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Runs a poppler tool on <paramref name="pdf"/> and returns its standard output. The argument "{pdf}" is replaced
    /// by the file; without it the file is appended last.
    /// </summary>
    public static string Run(string tool, byte[] pdf, params string[] arguments)
    {
        string file = Path.Combine(Path.GetTempPath(), "sc-pdf-" + Guid.NewGuid().ToString("n") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            List<string> args = [.. arguments.Select(a => a == "{pdf}" ? file : a)];
            if (!arguments.Contains("{pdf}"))
            {
                args.Add(file);
            }

            return Exec(tool, args);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Exec(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException(tool + " took longer than 30 s");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
