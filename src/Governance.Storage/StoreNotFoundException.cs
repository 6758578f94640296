namespace Governance.Storage;

/// <summary>A store was to be opened, not created, and there is none at the location given.</summary>
public sealed class StoreNotFoundException : Exception
{
    public StoreNotFoundException(string location)
        : base($"no store at {location}: create one with 'governance init' or 'governance import'")
    {
        Location = location;
    }

    /// <summary>The full path of the missing database file.</summary>
    public string Location { get; }
}
