using System.Text;
using SocialCard.Cli;

Console.OutputEncoding = Encoding.UTF8;
return CliApp.Run(args, CliConsole.System());
