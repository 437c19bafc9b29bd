using Microsoft.Win32.SafeHandles;

namespace Convertify.Batch.Spill;

/// <summary>
/// Temporary files for what a run keeps per input. On Unix the file is unlinked as soon as it is open, so nothing is
/// left behind however the process ends; elsewhere the system deletes it when its handle closes.
/// </summary>
internal static class ScratchFile
{
    /// <summary>Opens a new, empty scratch file in the first of <paramref name="folders"/> where one can be made.</summary>
    /// <exception cref="IOException">No folder could hold one.</exception>
    public static SafeFileHandle Open(params ReadOnlySpan<string?> folders)
    {
        Exception? last = null;
        foreach (var folder in folders)
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }
            var path = Path.Combine(folder, $".convertify-scratch-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            try
            {
                var options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None;
                var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, options);
                if (!OperatingSystem.IsWindows())
                {
                    File.Delete(path);
                }
                return handle;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                last = e;
            }
        }
        throw new IOException($"no folder can hold a temporary file ({last?.Message ?? "none given"})", last);
    }
}
