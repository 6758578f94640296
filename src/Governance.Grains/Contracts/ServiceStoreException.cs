namespace Governance.Grains.Contracts;

/// <summary>The store failed while a service grain read or wrote it; a failed write committed nothing.</summary>
[GenerateSerializer]
public sealed class ServiceStoreException : Exception
{
    public ServiceStoreException()
    {
    }

    public ServiceStoreException(string message)
        : base(message)
    {
    }

    public ServiceStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
