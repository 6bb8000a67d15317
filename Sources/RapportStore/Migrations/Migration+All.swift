extension Migration {
    /// Every migration, in order. Versions 12 and 13 were never used (see ``Migration/contentIDsAndSignInAttempts``).
    static let all: [Migration] = [
        .authorsAndMentions,
        .rulesCountersTokens,
        .authorHistory,
        .desk,
        .slaCheckAndMerges,
        .insightRollupsAndAlerts,
        .surveys,
        .inboxIndexes,
        .teamBusinessHours,
        .dailyMentionRollups,
        .notificationsConsentChannels,
        .contentIDsAndSignInAttempts,
        .narrowRollups,
        .orders,
        .digestRuns,
        .serviceRollups,
        .rollupJournals,
        .narrowMentionCubes,
        .access,
        .announcements,
        .knowledgeBase,
        .community,
        .brandAccounts,
    ]

    /// The post's and its thread root's content ids (Bluesky CIDs), for the ingest benchmark's `raw_mentions`,
    /// which copies the shape of `mentions` (migration 14 holds its own frozen copy of these statements).
    static func contentIDColumns(table: String) -> [String] {
        [
            "ALTER TABLE \(table) ADD COLUMN content_id TEXT",
            "ALTER TABLE \(table) ADD COLUMN thread_root_content_id TEXT",
        ]
    }
}
