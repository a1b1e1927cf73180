#if canImport(Glibc)
import Glibc
#endif

/// Tesseract runs its own OpenMP threads inside each recognition unless `OMP_THREAD_LIMIT=1`;
/// Chohyo runs one engine per worker instead, and the two together contend for the cores.
/// libgomp reads the variable once, when it is loaded, before `main`: setting it from inside
/// the process changes nothing. So the command, started without it, starts itself again with
/// it. Measured on 20 pages of the seed-37000 held-out set (2 cores): 17.7 s without the
/// variable (9.7 s of system time, 3.5 million context switches), 8.2 s with it (1.1 s, 123).
enum OpenMPThreads {
    static let variable = "OMP_THREAD_LIMIT"

    /// Replaces the process with itself, the variable set to 1, unless it already is. If that
    /// fails, the command goes on as it is: slower, with the same results.
    static func restartWithOneThreadIfNeeded() {
        #if os(Linux)
        if let value = getenv(variable), String(cString: value) == "1" { return }
        setenv(variable, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }
}
