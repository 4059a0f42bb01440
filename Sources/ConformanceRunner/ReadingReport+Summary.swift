import ConformanceCatalog
import ConformanceKit
import ConformanceReport

extension ReadingReport {
    /// The readings section of a run: per reading, the cases that observed each alternative. `messages` counts
    /// interaction messages per reading alternative seen outside any case (the notification channel).
    public static func summarize(
        _ readings: [ReadingDefinition],
        cases: [CaseResult],
        messages: [Observation: Int] = [:]
    ) -> [ReadingReport] {
        readings.map { reading in
            let counted = messages.keys.contains { $0.reading == reading.name }
            return ReadingReport(
                name: reading.name,
                title: reading.title,
                requirement: reading.requirement,
                observable: reading.observable,
                observedBy: reading.observedBy,
                unit: counted ? "messages" : "cases",
                alternatives: reading.alternatives.map { alternative in
                    let showing = cases.filter { $0.readings?[reading.name]?.contains(alternative.name) == true }
                    let observation = Observation(reading: reading.name, alternative: alternative.name)
                    return Alternative(
                        name: alternative.name,
                        description: alternative.description,
                        level: alternative.level,
                        count: counted ? messages[observation] ?? 0 : showing.count,
                        examples: counted ? [] : Array(showing.prefix(3).map(\.id))
                    )
                }
            )
        }
    }
}
