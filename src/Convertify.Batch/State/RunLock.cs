using System.Globalization;
using System.Text;

namespace Convertify.Batch.State;

/// <summary>
/// Keeps a second batch from writing the same output folder: a POSIX lock on <c>.convertify/lock</c>, which holds the
/// pid of the run that has it. The kernel drops the lock when that process ends, however it ends (kill -9 too), so a
/// lock is never left stale; the pid is only for the message. A POSIX lock keeps out other processes only, so runs in
/// this process are kept apart by the folders they hold. (.NET offers no such lock on macOS, where processes are not kept apart.)
/// </summary>
internal sealed class RunLock : IDisposable
{
    private const string FileName = "lock";
    private static readonly HashSet<string> s_held = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly string _folder;

    private RunLock(FileStream file, string folder)
    {
        _file = file;
        _folder = folder;
    }

    /// <summary>Takes the lock of <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="BatchBusyException">Another run holds it.</exception>
    public static RunLock Acquire(string outputDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(outputDirectory, StateDatabase.FolderName));
        lock (s_held)
        {
            if (!s_held.Add(folder))
            {
                throw Busy(outputDirectory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }
        }
        try
        {
            return Lock(outputDirectory, folder);
        }
        catch
        {
            Release(folder);
            throw;
        }
    }

    private static RunLock Lock(string outputDirectory, string folder)
    {
        Directory.CreateDirectory(folder);
        var file = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            if (!OperatingSystem.IsMacOS())
            {
                file.Lock(0, 1);
            }
        }
        catch (IOException)
        {
            var holder = ReadPid(file);
            file.Dispose();
            throw Busy(outputDirectory, holder);
        }
        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush();
        return new RunLock(file, folder);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file.Dispose();
        Release(_folder);
    }

    private static void Release(string folder)
    {
        lock (s_held)
        {
            s_held.Remove(folder);
        }
    }

    private static BatchBusyException Busy(string outputDirectory, string pid) =>
        new($"another convertify batch is writing {outputDirectory} (pid {pid})");

    private static string ReadPid(FileStream file)
    {
        // The holder writes its pid just after it takes the lock: give it a moment.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            file.Position = 0;
            var text = new StreamReader(file, Encoding.ASCII, false, 64, leaveOpen: true).ReadToEnd().Trim();
            if (text.Length > 0)
            {
                return text;
            }
            Thread.Sleep(10);
        }
        return "unknown";
    }
}
