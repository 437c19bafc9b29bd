namespace Convertify.Batch.Faults;

/// <summary>A fault of the machine's storage, as opposed to a fault of one input: the run cannot go on writing.</summary>
internal enum StorageProblem
{
    /// <summary>ENOSPC, EDQUOT, SQLITE_FULL.</summary>
    NoSpace,

    /// <summary>EROFS, SQLITE_READONLY.</summary>
    ReadOnly,

    /// <summary>EACCES, EPERM (an immutable file, a folder of another user).</summary>
    PermissionDenied,

    /// <summary>SQLITE_IOERR: SQLite keeps the errno to itself; see <see cref="StorageFault.Refine"/>.</summary>
    InputOutput,
}
