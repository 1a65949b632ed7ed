using System.Text.RegularExpressions;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// Writes the rules' legal citations ("Decree 168/2024 Art. 6.5.đ") the way Vietnamese documents
/// cite them ("điểm đ khoản 5 Điều 6 Nghị định 168/2024"). Words it does not know stay as they
/// are: a wrong translation of the law is worse than an English one.
/// </summary>
public static partial class LegalReferenceText
{
    private static readonly (string English, string Vietnamese)[] Terms =
    [
        ("Decree ", "Nghị định "),
        ("Circular ", "Thông tư "),
        ("Law ", "Luật "),
        ("(goods)", "(xe chở hàng)"),
        ("(passenger)", "(xe chở khách)"),
        ("(stopping and parking)", "(dừng xe, đỗ xe)"),
        ("(speed limit)", "(tốc độ tối đa)"),
        ("no-stopping stretch", "đoạn cấm dừng"),
        ("Assigned route (badge conditions,", "Lộ trình được giao (điều kiện cấp phù hiệu,"),
    ];

    public static string Vietnamese(string reference) =>
        string.Join("; ", reference.Split("; ").Select(part =>
        {
            // "Decree 168/2024 Art. 6.5.đ, 6.16.a": the articles first, then the instrument.
            var cited = Cited().Match(part);
            if (cited.Success)
            {
                var articles = Article().Replace(cited.Groups["articles"].Value, m =>
                {
                    var clause = m.Groups["clause"].Success ? m.Groups["clause"].Value : m.Groups["bracket"].Value;
                    var text = "Điều " + m.Groups["article"].Value;
                    text = clause.Length > 0 ? $"khoản {clause} {text}" : text;
                    return m.Groups["point"].Success ? $"điểm {m.Groups["point"].Value} {text}" : text;
                });
                part = $"{articles} {cited.Groups["instrument"].Value}";
            }

            foreach (var (english, vietnamese) in Terms)
            {
                part = part.Replace(english, vietnamese, StringComparison.Ordinal);
            }

            return part;
        }));

    [GeneratedRegex(@"^(?<instrument>(?:Decree|Circular|Law) \S+) Art\. (?<articles>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Cited();

    [GeneratedRegex(@"(?<article>\d+)(?:\.(?<clause>\d+)(?:\.(?<point>[a-zđ]))?|\((?<bracket>\d+)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex Article();
}
