namespace Governance.Fuzzing;

/// <summary>Values and tokens that readers of YAML and JSON get wrong: the vocabulary of the mutations.</summary>
internal static class OddValues
{
    public static readonly string[] Scalars =
    [
        "", "~", "null", "Null", "NULL", "true", "false", "yes", "no", "on", "off", "y", "0", "-0", "-1", "1.5", "0.0", "-3",
        "0x1F", "0o17", "017", "1_000", "+1", ".5", "1e3", "NaN", ".nan", ".inf", "-.inf", "2026-02-30", "2026-13-01", "0001-01-01",
        "9999-12-31", "2026-11-21T09:00:00Z", "12:30", "P1D", "'", "\"", "&anchor", "*alias", "!tag", "- item", "key: value", "[1, 2",
        "{a: b", "#comment", "|", ">", "%", "@", "`", "\\", "a\nb", "\t", " ", "  padded  ", "\r\n", "--- ", "...", "?", "<<",
        "user:", "group:", ":", "service:", "resource:", "http://", "../../etc/passwd", "/etc/passwd", "C:\\Windows", "\0",
    ];

    public static readonly string[] Numbers =
    [
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999999999999999999", "1e308", "1e309", "1e400", "-1e400", "4.9e-324",
        "1e-400", "0.30000000000000004", "123456789012345678901234567890.5", "79228162514264337593543950336",
    ];

    public static readonly string[] Unicode =
    [
        "💥", "ünïcödé", "日本語のサービス", "\u202Eevil\u202C", "\uFEFF", "\u200B", "e\u0301", "\uFFFD", "\uFFFF",
        "\u0085", "\u2028", "\u2029", "Ｆｕｌｌｗｉｄｔｈ", "İstanbul", "ß", "\u0130", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a\u0000b", "\u001B[31m",
    ];

    public static readonly string[] Tokens =
    [
        "&a ", "*a", "*undefined", "<<: *a", "!!binary ", "!!int ", "!!str ", "!!map ", "!custom ", "!<tag:x> ", "? ", "- ", ": ",
        "{", "}", "[", "]", ",", "|", ">-", "%YAML 1.2\n", "%TAG ! tag:x:\n", "\t", "# ", "'", "\"", "\\", "&a [*a]", "*a\n", "---\n",
        "...\n", "\r", "\u0085", "@", "`", "\"\\u0000\"", "'unterminated", "\"unterminated", "{a: [b, {c: d}]}", "!!python/object:os.system ",
    ];

    public static readonly byte[][] Bytes =
    [
        [0x00], [0xFF], [0xFE], [0xC3], [0xE2, 0x80], [0xEF, 0xBB, 0xBF], [0x0D], [0x09], [0x7F], [0xC2, 0x85], [0xC2, 0xA0],
        [0xF0, 0x9F, 0x92], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x1B], [0x0A, 0x2D, 0x2D, 0x2D, 0x0A], [0x22], [0x5B], [0x7B],
    ];

    public static readonly byte[][] ByteOrderMarks =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF],
    ];

    public static readonly int[] Depths = [2, 10, 63, 64, 65, 200, 1_000];

    public static readonly int[] FlowDepths = [63, 64, 65, 1_000, 100_000];

    public static T Of<T>(T[] values, int pick) => values[pick % values.Length];
}
