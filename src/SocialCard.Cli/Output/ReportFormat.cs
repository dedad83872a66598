namespace SocialCard.Cli.Output;

internal enum ReportFormat
{
    Table,
    Json,
    Csv,
    Html,
}
