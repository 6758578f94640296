using System.Collections.Concurrent;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>
/// Maps streamed service items on a second thread while the parser reads on: parsing and mapping take about as long as
/// each other, so a big fleet file reads in little more than its parsing time. One consumer keeps the file's order.
/// </summary>
internal sealed class ServicePipeline : IDisposable
{
    // Unbounded: the mapper outpaces the parser, and a failed mapper must never leave the parser blocked.
    private readonly BlockingCollection<(int Index, YamlNode Node)> _items = [];
    private readonly Task _worker;

    public ServicePipeline(FileResult result)
    {
        _worker = Task.Factory.StartNew(
            () =>
            {
                foreach (var (index, node) in _items.GetConsumingEnumerable())
                {
                    result.Services.Add(FleetServiceReader.Read(node, index, result.File));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public void Post(int index, YamlNode node) => _items.Add((index, node));

    /// <summary>Waits until every posted item is mapped; rethrows what the mapping threw.</summary>
    public void Complete()
    {
        if (!_items.IsAddingCompleted)
        {
            _items.CompleteAdding();
        }

        _worker.GetAwaiter().GetResult();
    }

    /// <summary>Stops the worker when the file turned out malformed; its partial results are discarded with the file.</summary>
    public void Dispose()
    {
        if (!_items.IsAddingCompleted)
        {
            _items.CompleteAdding();
        }

        // The worker's own failure was either reported by Complete or is moot: the file is being discarded.
        _worker.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        _items.Dispose();
    }
}
