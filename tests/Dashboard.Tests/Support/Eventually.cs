namespace Telematics.Dashboard.Tests.Support;

/// <summary>Polls a condition until it holds or the time is up (then fails with what was awaited).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
