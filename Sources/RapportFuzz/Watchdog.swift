import Foundation
import Synchronization

/// Notices an input that runs longer than `limit`: a thread polls the time the current input started and ends
/// the process, naming the iteration, so a hang is reported and replayable instead of stalling the run.
final class Watchdog: Sendable {
    private let started = Atomic<UInt64>(0)
    private let iteration = Atomic<Int>(0)
    private let target: String
    let limitNanoseconds: UInt64

    init(target: String, limit: Duration) {
        self.target = target
        let (seconds, attoseconds) = limit.components
        limitNanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        let thread = Thread { [self] in self.watch() }
        thread.start()
    }

    func begin(_ i: Int) {
        iteration.store(i, ordering: .relaxed)
        started.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
    }

    func end() { started.store(0, ordering: .releasing) }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: 0.05)
            let start = started.load(ordering: .acquiring)
            guard start != 0 else { continue }
            let now = DispatchTime.now().uptimeNanoseconds
            if now > start, now - start > limitNanoseconds {
                let i = iteration.load(ordering: .relaxed)
                FileHandle.standardError.write(
                    Data(
                        "HANG: \(target) iteration \(i) ran over \(limitNanoseconds / 1_000_000) ms; replay with --target \(target) --replay \(i)\n"
                            .utf8))
                exit(3)
            }
        }
    }
}
