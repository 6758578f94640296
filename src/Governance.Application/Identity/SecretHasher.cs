using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Application.Identity;

/// <summary>
/// Salted hashes of secrets, never the secrets: passwords through PBKDF2 (slow, since people choose guessable ones), API
/// tokens through one SHA-256 (fast, since they are 256 random bits). Each hash names its scheme, so it can be upgraded.
/// </summary>
public static class SecretHasher
{
    private const string PasswordScheme = "pbkdf2-sha256";
    private const string TokenScheme = "sha256";
    private const int PasswordIterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string HashPassword(string password) => HashPassword(password, RandomNumberGenerator.GetBytes(SaltBytes), PasswordIterations);

    public static string HashToken(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{TokenScheme}${Convert.ToBase64String(salt)}${Convert.ToBase64String(TokenHash(salt, secret))}";
    }

    /// <summary>True when <paramref name="secret"/> is the one <paramref name="stored"/> was made from; compared in constant time.</summary>
    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        return parts switch
        {
            [PasswordScheme, var iterations, var salt, var hash] =>
                FixedEquals(Pbkdf2(secret, Convert.FromBase64String(salt), int.Parse(iterations, CultureInfo.InvariantCulture)), hash),
            [TokenScheme, var salt, var hash] => FixedEquals(TokenHash(Convert.FromBase64String(salt), secret), hash),
            _ => false,
        };
    }

    /// <summary>A password hash no password matches, verified against when there is no account, so that its absence takes as long.</summary>
    public static string Decoy { get; } = HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SaltBytes)));

    private static string HashPassword(string password, byte[] salt, int iterations) =>
        $"{PasswordScheme}${iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Pbkdf2(password, salt, iterations))}";

    private static byte[] Pbkdf2(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static byte[] TokenHash(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static bool FixedEquals(byte[] computed, string stored) =>
        CryptographicOperations.FixedTimeEquals(computed, Convert.FromBase64String(stored));
}
