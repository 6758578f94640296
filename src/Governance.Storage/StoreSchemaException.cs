namespace Governance.Storage;

/// <summary>The database's schema is not one this build can use: it is newer, or an applied migration was changed since.</summary>
public sealed class StoreSchemaException : Exception
{
    public StoreSchemaException(string message)
        : base(message)
    {
    }
}
