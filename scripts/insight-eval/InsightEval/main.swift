import Foundation
import RapportInsight
import RapportSimulation

// Evaluation of the crisis detector on simulated traffic (see ../README.md and docs/analysis-crisis.md).
//
//   InsightEval false-alarms [weeks] [seeds]   runs without incident: alerts per key per simulated week
//   InsightEval incidents [seeds]              injected incidents: detection delay per multiplier
//   InsightEval all                            both, with the defaults below

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "all"
let jobs = max(1, Int(ProcessInfo.processInfo.environment["JOBS"] ?? "") ?? 2)

func integers(_ index: Int, default value: [Int]) -> [Int] {
    guard arguments.count > index else { return value }
    return arguments[index].split(separator: ",").compactMap { Int($0) }
}

if mode == "false-alarms" || mode == "all" {
    let weeks = integers(1, default: [4]).first ?? 4
    let seeds = integers(2, default: [1, 2, 3, 4])
    FalseAlarmStudy(weeks: weeks, seeds: seeds.map(UInt64.init), jobs: jobs).run()
}
if mode == "incidents" || mode == "all" {
    let seeds = integers(1, default: [7, 8])
    IncidentStudy(seeds: seeds.map(UInt64.init), jobs: jobs).run()
}
