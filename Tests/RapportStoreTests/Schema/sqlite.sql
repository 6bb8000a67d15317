-- The schema after every migration, as SchemaDescription reads it (generated; see SchemaSnapshotTests).
table alert_events
  column id INTEGER PRIMARY KEY #1
  column alert_id BIGINT NOT NULL
  column at_ms BIGINT NOT NULL
  column user_id BIGINT
  column change TEXT NOT NULL
  column detail TEXT NOT NULL DEFAULT ''
  foreign key (alert_id) REFERENCES alerts (id) ON DELETE CASCADE
table alerts
  column id INTEGER PRIMARY KEY #1
  column detector_id TEXT NOT NULL
  column kind TEXT NOT NULL
  column series_key TEXT NOT NULL
  column rule_id BIGINT
  column topic TEXT
  column started_ms BIGINT NOT NULL
  column detected_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  column ended_ms BIGINT
  column episode TEXT NOT NULL
  column status TEXT NOT NULL
  column assignee_id BIGINT
  column evidence TEXT NOT NULL
  column created_ms BIGINT NOT NULL
  unique (detector_id)
table announcement_acks
  column announcement_id BIGINT NOT NULL PRIMARY KEY #1
  column user_id BIGINT NOT NULL PRIMARY KEY #2
  column acked_ms BIGINT NOT NULL
  foreign key (announcement_id) REFERENCES announcements (id) ON DELETE NO ACTION
  primary key (announcement_id, user_id)
table announcement_teams
  column announcement_id BIGINT NOT NULL PRIMARY KEY #1
  column team_id BIGINT NOT NULL PRIMARY KEY #2
  foreign key (announcement_id) REFERENCES announcements (id) ON DELETE NO ACTION
  primary key (announcement_id, team_id)
table announcements
  column id INTEGER PRIMARY KEY #1
  column kind TEXT NOT NULL
  column title TEXT NOT NULL
  column body TEXT NOT NULL
  column query TEXT
  column suggested_reply TEXT
  column status TEXT NOT NULL DEFAULT 'open'
  column author_id BIGINT NOT NULL
  column created_ms BIGINT NOT NULL
  column expires_ms BIGINT
  column resolved_ms BIGINT
  column resolved_by BIGINT
  column follow_up TEXT
  foreign key (author_id) REFERENCES users (id) ON DELETE NO ACTION
table api_tokens
  column id INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column token_hash TEXT NOT NULL
  column created_ms BIGINT NOT NULL
  column revoked INTEGER NOT NULL DEFAULT 0
  column user_id BIGINT
  column scopes TEXT
  column last_used_ms BIGINT
  unique (token_hash)
table audit_log
  column id INTEGER PRIMARY KEY #1
  column at_ms BIGINT NOT NULL
  column user_id BIGINT
  column action TEXT NOT NULL
  column target TEXT NOT NULL DEFAULT ''
  column detail TEXT NOT NULL DEFAULT ''
  column address TEXT
table authors
  column id INTEGER PRIMARY KEY #1
  column network TEXT NOT NULL
  column external_id TEXT NOT NULL
  column handle TEXT NOT NULL
  column display_name TEXT
  column followers BIGINT
  column following BIGINT
  column verified INTEGER NOT NULL DEFAULT 0
  column profile_url TEXT
  column bio TEXT
  column first_seen_ms BIGINT NOT NULL
  column last_seen_ms BIGINT NOT NULL
  column mention_count BIGINT NOT NULL DEFAULT 0
  column negative_count BIGINT NOT NULL DEFAULT 0
  column engagement_sum BIGINT NOT NULL DEFAULT 0
  unique (network, external_id)
table brand_accounts
  column id INTEGER PRIMARY KEY #1
  column network TEXT NOT NULL
  column handle TEXT NOT NULL
  column name TEXT NOT NULL DEFAULT ''
  column owner_id BIGINT
  column team_id BIGINT
  column purpose TEXT NOT NULL DEFAULT ''
  column followers BIGINT
  column status TEXT NOT NULL
  column credentials TEXT
  column is_default INTEGER NOT NULL DEFAULT 0
  column last_published_ms BIGINT
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  foreign key (owner_id) REFERENCES users (id) ON DELETE NO ACTION
  unique (network, handle)
table brand_handle_reviews
  column network TEXT NOT NULL PRIMARY KEY #1
  column handle TEXT NOT NULL PRIMARY KEY #2
  column decision TEXT NOT NULL
  column note TEXT NOT NULL DEFAULT ''
  column reviewed_by BIGINT
  column reviewed_ms BIGINT NOT NULL
  primary key (network, handle)
table canned_replies
  column id INTEGER PRIMARY KEY #1
  column title TEXT NOT NULL
  column body TEXT NOT NULL
  unique (title)
table channels
  column network TEXT PRIMARY KEY #1
  column name TEXT NOT NULL
  column account TEXT NOT NULL DEFAULT ''
  column replies_enabled INTEGER NOT NULL DEFAULT 1
  column default_team_id BIGINT
  column updated_ms BIGINT NOT NULL
  primary key (network)
table community_mail
  column id INTEGER PRIMARY KEY #1
  column to_address TEXT NOT NULL
  column subject TEXT NOT NULL
  column body TEXT NOT NULL
  column dedupe_key TEXT NOT NULL
  column status TEXT NOT NULL DEFAULT 'pending'
  column attempts INTEGER NOT NULL DEFAULT 0
  column next_ms BIGINT NOT NULL
  column claimed_ms BIGINT
  column sent_ms BIGINT
  column last_error TEXT
  column created_ms BIGINT NOT NULL
  unique (dedupe_key)
table community_members
  column id INTEGER PRIMARY KEY #1
  column customer_id BIGINT
  column email TEXT
  column display_name TEXT NOT NULL
  column status TEXT NOT NULL DEFAULT 'active'
  column trusted INTEGER NOT NULL DEFAULT 0
  column created_ms BIGINT NOT NULL
  column last_active_ms BIGINT NOT NULL
  column blocked_ms BIGINT
  column deleted_ms BIGINT
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
table community_posts
  column id INTEGER PRIMARY KEY #1
  column kind TEXT NOT NULL
  column parent_id BIGINT
  column member_id BIGINT NOT NULL
  column title TEXT
  column body TEXT NOT NULL
  column state TEXT NOT NULL
  column hold_reason TEXT
  column rejection_reason TEXT
  column status TEXT
  column response TEXT
  column responded_by BIGINT
  column responded_ms BIGINT
  column duplicate_of BIGINT
  column accepted_answer_id BIGINT
  column board TEXT NOT NULL DEFAULT 'public'
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  foreign key (duplicate_of) REFERENCES community_posts (id) ON DELETE NO ACTION
  foreign key (member_id) REFERENCES community_members (id) ON DELETE NO ACTION
  foreign key (parent_id) REFERENCES community_posts (id) ON DELETE NO ACTION
table community_reports
  column post_id BIGINT NOT NULL PRIMARY KEY #1
  column member_id BIGINT NOT NULL PRIMARY KEY #2
  column reason TEXT NOT NULL
  column created_ms BIGINT NOT NULL
  foreign key (member_id) REFERENCES community_members (id) ON DELETE NO ACTION
  foreign key (post_id) REFERENCES community_posts (id) ON DELETE NO ACTION
  primary key (post_id, member_id)
table community_sessions
  column token_hash TEXT PRIMARY KEY #1
  column member_id BIGINT NOT NULL
  column csrf TEXT NOT NULL
  column created_ms BIGINT NOT NULL
  column expires_ms BIGINT NOT NULL
  foreign key (member_id) REFERENCES community_members (id) ON DELETE NO ACTION
  primary key (token_hash)
table community_signin_tokens
  column token_hash TEXT PRIMARY KEY #1
  column member_id BIGINT NOT NULL
  column created_ms BIGINT NOT NULL
  column expires_ms BIGINT NOT NULL
  column used_ms BIGINT
  foreign key (member_id) REFERENCES community_members (id) ON DELETE NO ACTION
  primary key (token_hash)
table community_votes
  column post_id BIGINT NOT NULL PRIMARY KEY #1
  column member_id BIGINT NOT NULL PRIMARY KEY #2
  column created_ms BIGINT NOT NULL
  foreign key (member_id) REFERENCES community_members (id) ON DELETE NO ACTION
  foreign key (post_id) REFERENCES community_posts (id) ON DELETE NO ACTION
  primary key (post_id, member_id)
table conversation_events
  column id INTEGER PRIMARY KEY #1
  column conversation_id BIGINT NOT NULL
  column at_ms BIGINT NOT NULL
  column actor TEXT NOT NULL
  column change TEXT NOT NULL
  foreign key (conversation_id) REFERENCES conversations (id) ON DELETE NO ACTION
table conversation_messages
  column id INTEGER PRIMARY KEY #1
  column conversation_id BIGINT NOT NULL
  column direction TEXT NOT NULL
  column mention_id BIGINT
  column network TEXT NOT NULL
  column external_id TEXT
  column author_name TEXT NOT NULL
  column user_id BIGINT
  column body TEXT NOT NULL
  column sentiment TEXT
  column sentiment_score REAL
  column intents TEXT NOT NULL DEFAULT ''
  column level TEXT
  column delivery TEXT
  column delivery_error TEXT
  column created_ms BIGINT NOT NULL
  foreign key (conversation_id) REFERENCES conversations (id) ON DELETE NO ACTION
  unique (mention_id)
table conversation_rollup_journal
  column seq INTEGER PRIMARY KEY #1
  column sign INTEGER NOT NULL
  column network TEXT
  column created_ms BIGINT
  column team_id BIGINT
  column assignee_id BIGINT
  column first_response_ms BIGINT
  column resolved_ms BIGINT
  column sla_due_ms BIGINT
  column status TEXT
table conversations
  column id INTEGER PRIMARY KEY #1
  column customer_id BIGINT NOT NULL
  column network TEXT NOT NULL
  column channel_kind TEXT NOT NULL
  column status TEXT NOT NULL
  column priority TEXT NOT NULL
  column team_id BIGINT
  column assignee_id BIGINT
  column subject TEXT NOT NULL
  column level TEXT
  column sentiment TEXT
  column message_count INTEGER NOT NULL DEFAULT 0
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  column first_response_ms BIGINT
  column resolved_ms BIGINT
  column sla_due_ms BIGINT
  column state TEXT NOT NULL
  column sla_check_ms BIGINT
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
table customer_identities
  column kind TEXT NOT NULL PRIMARY KEY #1
  column value TEXT NOT NULL PRIMARY KEY #2
  column customer_id BIGINT NOT NULL
  column verified INTEGER NOT NULL DEFAULT 0
  column evidence TEXT NOT NULL
  column linked_ms BIGINT NOT NULL
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
  primary key (kind, value)
table customer_merges
  column id INTEGER PRIMARY KEY #1
  column source_id BIGINT NOT NULL
  column target_id BIGINT NOT NULL
  column identities TEXT NOT NULL
  column conversations TEXT NOT NULL
  column evidence TEXT NOT NULL
  column by_user BIGINT
  column at_ms BIGINT NOT NULL
  column undone_ms BIGINT
table customers
  column id INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column facts TEXT NOT NULL DEFAULT '{}'
  column tags TEXT NOT NULL DEFAULT ''
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  column merged_into BIGINT
  column consent TEXT NOT NULL DEFAULT '{}'
table desk_queue
  column mention_id BIGINT PRIMARY KEY #1
  foreign key (mention_id) REFERENCES mentions (id) ON DELETE NO ACTION
  primary key (mention_id)
table desk_settings
  column name TEXT PRIMARY KEY #1
  column value TEXT NOT NULL
  primary key (name)
table digest_runs
  column period TEXT NOT NULL PRIMARY KEY #1
  column period_start_ms BIGINT NOT NULL PRIMARY KEY #2
  column claimed_ms BIGINT NOT NULL
  column sent_ms BIGINT
  column instance TEXT NOT NULL DEFAULT ''
  primary key (period, period_start_ms)
table health_probe
  column id INTEGER PRIMARY KEY #1
  column checked_ms BIGINT NOT NULL
table identity_claims
  column id INTEGER PRIMARY KEY #1
  column customer_id BIGINT NOT NULL
  column kind TEXT NOT NULL
  column value TEXT NOT NULL
  column evidence TEXT NOT NULL
  column message_id BIGINT
  column status TEXT NOT NULL DEFAULT 'open'
  column decided_by BIGINT
  column decided_ms BIGINT
  column created_ms BIGINT NOT NULL
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
  unique (customer_id, kind, value)
table incident_conversations
  column announcement_id BIGINT NOT NULL PRIMARY KEY #1
  column conversation_id BIGINT NOT NULL PRIMARY KEY #2
  column linked_ms BIGINT NOT NULL
  column follow_up_message_id BIGINT
  foreign key (announcement_id) REFERENCES announcements (id) ON DELETE NO ACTION
  primary key (announcement_id, conversation_id)
table ingest_counters
  column source TEXT PRIMARY KEY #1
  column received BIGINT NOT NULL DEFAULT 0
  column stored BIGINT NOT NULL DEFAULT 0
  column duplicate BIGINT NOT NULL DEFAULT 0
  column filtered BIGINT NOT NULL DEFAULT 0
  column rejected BIGINT NOT NULL DEFAULT 0
  primary key (source)
table kb_article_versions
  column article_id BIGINT NOT NULL PRIMARY KEY #1
  column version INTEGER NOT NULL PRIMARY KEY #2
  column title TEXT NOT NULL
  column body TEXT NOT NULL
  column category TEXT NOT NULL
  column tags TEXT NOT NULL
  column language TEXT NOT NULL
  column visibility TEXT NOT NULL
  column status TEXT NOT NULL
  column author_id BIGINT
  column at_ms BIGINT NOT NULL
  foreign key (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
  primary key (article_id, version)
table kb_articles
  column id INTEGER PRIMARY KEY #1
  column title TEXT NOT NULL
  column body TEXT NOT NULL
  column category TEXT NOT NULL DEFAULT ''
  column tags TEXT NOT NULL DEFAULT ''
  column language TEXT NOT NULL DEFAULT ''
  column visibility TEXT NOT NULL
  column status TEXT NOT NULL
  column search_text TEXT NOT NULL
  column version INTEGER NOT NULL
  column author_id BIGINT
  column source_conversation_id BIGINT
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
virtual table kb_articles_fts: CREATE VIRTUAL TABLE kb_articles_fts USING fts5(search_text, content='kb_articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')
table kb_articles_fts_config (without rowid)
  column k  NOT NULL PRIMARY KEY #1
  column v 
  primary key (k)
table kb_articles_fts_data
  column id INTEGER PRIMARY KEY #1
  column block BLOB
table kb_articles_fts_docsize
  column id INTEGER PRIMARY KEY #1
  column sz BLOB
table kb_articles_fts_idx (without rowid)
  column segid  NOT NULL PRIMARY KEY #1
  column term  NOT NULL PRIMARY KEY #2
  column pgno 
  primary key (segid, term)
table kb_state
  column id INTEGER PRIMARY KEY #1
  column generation BIGINT NOT NULL
table kb_usage
  column id INTEGER PRIMARY KEY #1
  column article_id BIGINT NOT NULL
  column conversation_id BIGINT NOT NULL
  column user_id BIGINT NOT NULL
  column mode TEXT NOT NULL
  column at_ms BIGINT NOT NULL
  foreign key (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
table language_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column language TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, language)
table language_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column language TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, language)
table level_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column level TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, level)
table level_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column level TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, level)
table listening_rules
  column id INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column brand TEXT NOT NULL
  column is_competitor INTEGER NOT NULL DEFAULT 0
  column query TEXT NOT NULL
  column enabled INTEGER NOT NULL DEFAULT 1
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  unique (name)
table mention_rules (without rowid)
  column mention_id BIGINT NOT NULL PRIMARY KEY #3
  column rule_id BIGINT NOT NULL PRIMARY KEY #1
  column created_ms BIGINT NOT NULL PRIMARY KEY #2
  foreign key (mention_id) REFERENCES mentions (id) ON DELETE CASCADE
  primary key (rule_id, created_ms, mention_id)
table mentions
  column id INTEGER PRIMARY KEY #1
  column network TEXT NOT NULL
  column external_id TEXT NOT NULL
  column url TEXT
  column author_id BIGINT NOT NULL
  column text TEXT NOT NULL
  column title TEXT
  column language TEXT
  column created_ms BIGINT NOT NULL
  column ingested_ms BIGINT NOT NULL
  column kind TEXT NOT NULL
  column origin TEXT NOT NULL
  column likes BIGINT NOT NULL DEFAULT 0
  column reposts BIGINT NOT NULL DEFAULT 0
  column replies BIGINT NOT NULL DEFAULT 0
  column quotes BIGINT NOT NULL DEFAULT 0
  column in_reply_to TEXT
  column thread_id TEXT
  column hashtags TEXT NOT NULL DEFAULT ''
  column mentioned TEXT NOT NULL DEFAULT ''
  column sentiment TEXT
  column sentiment_score REAL
  column intents TEXT NOT NULL DEFAULT ''
  column analysis_language TEXT
  column influence INTEGER
  column level TEXT
  column analysis TEXT
  column content_id TEXT
  column thread_root_content_id TEXT
  foreign key (author_id) REFERENCES authors (id) ON DELETE NO ACTION
  unique (network, external_id)
virtual table mentions_fts: CREATE VIRTUAL TABLE mentions_fts USING fts5(text, title, content='mentions', content_rowid='id', tokenize='unicode61 remove_diacritics 2')
table mentions_fts_config (without rowid)
  column k  NOT NULL PRIMARY KEY #1
  column v 
  primary key (k)
table mentions_fts_data
  column id INTEGER PRIMARY KEY #1
  column block BLOB
table mentions_fts_docsize
  column id INTEGER PRIMARY KEY #1
  column sz BLOB
table mentions_fts_idx (without rowid)
  column segid  NOT NULL PRIMARY KEY #1
  column term  NOT NULL PRIMARY KEY #2
  column pgno 
  primary key (segid, term)
table message_keys
  column network TEXT NOT NULL PRIMARY KEY #1
  column external_id TEXT NOT NULL PRIMARY KEY #2
  column conversation_id BIGINT NOT NULL
  primary key (network, external_id)
table network_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network)
table network_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network)
table notifications
  column id INTEGER PRIMARY KEY #1
  column user_id BIGINT NOT NULL
  column at_ms BIGINT NOT NULL
  column kind TEXT NOT NULL
  column conversation_id BIGINT
  column actor_id BIGINT
  column text TEXT NOT NULL
  column read_ms BIGINT
  foreign key (user_id) REFERENCES users (id) ON DELETE CASCADE
table orders
  column id INTEGER PRIMARY KEY #1
  column order_ref TEXT NOT NULL
  column customer_id BIGINT NOT NULL
  column ordered_ms BIGINT NOT NULL
  column amount REAL NOT NULL
  column currency TEXT NOT NULL
  column imported_ms BIGINT NOT NULL
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
  unique (order_ref)
table outbox
  column id INTEGER PRIMARY KEY #1
  column message_id BIGINT NOT NULL
  column network TEXT NOT NULL
  column payload TEXT NOT NULL
  column status TEXT NOT NULL
  column attempts INTEGER NOT NULL DEFAULT 0
  column next_attempt_ms BIGINT NOT NULL
  column last_error TEXT
  column external_id TEXT
  column created_ms BIGINT NOT NULL
  column updated_ms BIGINT NOT NULL
  foreign key (message_id) REFERENCES conversation_messages (id) ON DELETE NO ACTION
  unique (message_id)
table rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column sentiment TEXT NOT NULL PRIMARY KEY #4
  column level TEXT NOT NULL PRIMARY KEY #5
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, sentiment, level)
table rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column sentiment TEXT NOT NULL PRIMARY KEY #4
  column level TEXT NOT NULL PRIMARY KEY #5
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, sentiment, level)
table routing_rules
  column id INTEGER PRIMARY KEY #1
  column position INTEGER NOT NULL
  column definition TEXT NOT NULL
table schema_migrations
  column version INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column applied_ms BIGINT NOT NULL
table sentiment_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column sentiment TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, sentiment)
table sentiment_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column rule_id BIGINT NOT NULL PRIMARY KEY #2
  column network TEXT NOT NULL PRIMARY KEY #3
  column sentiment TEXT NOT NULL PRIMARY KEY #4
  column mention_count BIGINT NOT NULL
  primary key (hour_ms, rule_id, network, sentiment)
table service_agent_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column team_id BIGINT NOT NULL PRIMARY KEY #2
  column agent_id BIGINT NOT NULL PRIMARY KEY #3
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, team_id, agent_id)
table service_agent_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column team_id BIGINT NOT NULL PRIMARY KEY #2
  column agent_id BIGINT NOT NULL PRIMARY KEY #3
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, team_id, agent_id)
table service_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column agent_id BIGINT NOT NULL PRIMARY KEY #4
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id, agent_id)
table service_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column agent_id BIGINT NOT NULL PRIMARY KEY #4
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id, agent_id)
table service_team_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id)
table service_team_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column conversations BIGINT NOT NULL DEFAULT 0
  column responded BIGINT NOT NULL DEFAULT 0
  column resolved BIGINT NOT NULL DEFAULT 0
  column with_sla BIGINT NOT NULL DEFAULT 0
  column sla_missed BIGINT NOT NULL DEFAULT 0
  column fr_0 BIGINT NOT NULL DEFAULT 0
  column fr_1 BIGINT NOT NULL DEFAULT 0
  column fr_2 BIGINT NOT NULL DEFAULT 0
  column fr_3 BIGINT NOT NULL DEFAULT 0
  column fr_4 BIGINT NOT NULL DEFAULT 0
  column fr_5 BIGINT NOT NULL DEFAULT 0
  column fr_6 BIGINT NOT NULL DEFAULT 0
  column fr_7 BIGINT NOT NULL DEFAULT 0
  column fr_8 BIGINT NOT NULL DEFAULT 0
  column fr_9 BIGINT NOT NULL DEFAULT 0
  column fr_10 BIGINT NOT NULL DEFAULT 0
  column fr_11 BIGINT NOT NULL DEFAULT 0
  column fr_12 BIGINT NOT NULL DEFAULT 0
  column fr_13 BIGINT NOT NULL DEFAULT 0
  column fr_14 BIGINT NOT NULL DEFAULT 0
  column fr_15 BIGINT NOT NULL DEFAULT 0
  column fr_16 BIGINT NOT NULL DEFAULT 0
  column fr_17 BIGINT NOT NULL DEFAULT 0
  column fr_18 BIGINT NOT NULL DEFAULT 0
  column fr_19 BIGINT NOT NULL DEFAULT 0
  column fr_20 BIGINT NOT NULL DEFAULT 0
  column fr_21 BIGINT NOT NULL DEFAULT 0
  column fr_22 BIGINT NOT NULL DEFAULT 0
  column fr_23 BIGINT NOT NULL DEFAULT 0
  column fr_24 BIGINT NOT NULL DEFAULT 0
  column fr_25 BIGINT NOT NULL DEFAULT 0
  column fr_26 BIGINT NOT NULL DEFAULT 0
  column fr_27 BIGINT NOT NULL DEFAULT 0
  column fr_28 BIGINT NOT NULL DEFAULT 0
  column fr_29 BIGINT NOT NULL DEFAULT 0
  column fr_30 BIGINT NOT NULL DEFAULT 0
  column fr_31 BIGINT NOT NULL DEFAULT 0
  column fr_32 BIGINT NOT NULL DEFAULT 0
  column fr_33 BIGINT NOT NULL DEFAULT 0
  column rs_0 BIGINT NOT NULL DEFAULT 0
  column rs_1 BIGINT NOT NULL DEFAULT 0
  column rs_2 BIGINT NOT NULL DEFAULT 0
  column rs_3 BIGINT NOT NULL DEFAULT 0
  column rs_4 BIGINT NOT NULL DEFAULT 0
  column rs_5 BIGINT NOT NULL DEFAULT 0
  column rs_6 BIGINT NOT NULL DEFAULT 0
  column rs_7 BIGINT NOT NULL DEFAULT 0
  column rs_8 BIGINT NOT NULL DEFAULT 0
  column rs_9 BIGINT NOT NULL DEFAULT 0
  column rs_10 BIGINT NOT NULL DEFAULT 0
  column rs_11 BIGINT NOT NULL DEFAULT 0
  column rs_12 BIGINT NOT NULL DEFAULT 0
  column rs_13 BIGINT NOT NULL DEFAULT 0
  column rs_14 BIGINT NOT NULL DEFAULT 0
  column rs_15 BIGINT NOT NULL DEFAULT 0
  column rs_16 BIGINT NOT NULL DEFAULT 0
  column rs_17 BIGINT NOT NULL DEFAULT 0
  column rs_18 BIGINT NOT NULL DEFAULT 0
  column rs_19 BIGINT NOT NULL DEFAULT 0
  column rs_20 BIGINT NOT NULL DEFAULT 0
  column rs_21 BIGINT NOT NULL DEFAULT 0
  column rs_22 BIGINT NOT NULL DEFAULT 0
  column rs_23 BIGINT NOT NULL DEFAULT 0
  column rs_24 BIGINT NOT NULL DEFAULT 0
  column rs_25 BIGINT NOT NULL DEFAULT 0
  column rs_26 BIGINT NOT NULL DEFAULT 0
  column rs_27 BIGINT NOT NULL DEFAULT 0
  column rs_28 BIGINT NOT NULL DEFAULT 0
  column rs_29 BIGINT NOT NULL DEFAULT 0
  column rs_30 BIGINT NOT NULL DEFAULT 0
  column rs_31 BIGINT NOT NULL DEFAULT 0
  column rs_32 BIGINT NOT NULL DEFAULT 0
  column rs_33 BIGINT NOT NULL DEFAULT 0
  column active BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id)
table sessions
  column token_hash TEXT PRIMARY KEY #1
  column user_id BIGINT NOT NULL
  column csrf TEXT NOT NULL
  column created_ms BIGINT NOT NULL
  column expires_ms BIGINT NOT NULL
  foreign key (user_id) REFERENCES users (id) ON DELETE CASCADE
  primary key (token_hash)
table sign_in_attempts
  column id INTEGER PRIMARY KEY #1
  column account TEXT NOT NULL
  column at_ms BIGINT NOT NULL
table sla_policies
  column id INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column definition TEXT NOT NULL
  unique (name)
table stream_cursors
  column source TEXT PRIMARY KEY #1
  column cursor TEXT NOT NULL
  column updated_ms BIGINT NOT NULL
  primary key (source)
table survey_rollup_journal
  column seq INTEGER PRIMARY KEY #1
  column sign INTEGER NOT NULL
  column network TEXT
  column answered_ms BIGINT
  column team_id BIGINT
  column agent_id BIGINT
  column kind TEXT
  column score BIGINT
table survey_rollups_daily (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column agent_id BIGINT NOT NULL PRIMARY KEY #4
  column csat_1 BIGINT NOT NULL DEFAULT 0
  column csat_2 BIGINT NOT NULL DEFAULT 0
  column csat_3 BIGINT NOT NULL DEFAULT 0
  column csat_4 BIGINT NOT NULL DEFAULT 0
  column csat_5 BIGINT NOT NULL DEFAULT 0
  column nps_0 BIGINT NOT NULL DEFAULT 0
  column nps_1 BIGINT NOT NULL DEFAULT 0
  column nps_2 BIGINT NOT NULL DEFAULT 0
  column nps_3 BIGINT NOT NULL DEFAULT 0
  column nps_4 BIGINT NOT NULL DEFAULT 0
  column nps_5 BIGINT NOT NULL DEFAULT 0
  column nps_6 BIGINT NOT NULL DEFAULT 0
  column nps_7 BIGINT NOT NULL DEFAULT 0
  column nps_8 BIGINT NOT NULL DEFAULT 0
  column nps_9 BIGINT NOT NULL DEFAULT 0
  column nps_10 BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id, agent_id)
table survey_rollups_hourly (without rowid)
  column hour_ms BIGINT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column team_id BIGINT NOT NULL PRIMARY KEY #3
  column agent_id BIGINT NOT NULL PRIMARY KEY #4
  column csat_1 BIGINT NOT NULL DEFAULT 0
  column csat_2 BIGINT NOT NULL DEFAULT 0
  column csat_3 BIGINT NOT NULL DEFAULT 0
  column csat_4 BIGINT NOT NULL DEFAULT 0
  column csat_5 BIGINT NOT NULL DEFAULT 0
  column nps_0 BIGINT NOT NULL DEFAULT 0
  column nps_1 BIGINT NOT NULL DEFAULT 0
  column nps_2 BIGINT NOT NULL DEFAULT 0
  column nps_3 BIGINT NOT NULL DEFAULT 0
  column nps_4 BIGINT NOT NULL DEFAULT 0
  column nps_5 BIGINT NOT NULL DEFAULT 0
  column nps_6 BIGINT NOT NULL DEFAULT 0
  column nps_7 BIGINT NOT NULL DEFAULT 0
  column nps_8 BIGINT NOT NULL DEFAULT 0
  column nps_9 BIGINT NOT NULL DEFAULT 0
  column nps_10 BIGINT NOT NULL DEFAULT 0
  primary key (hour_ms, network, team_id, agent_id)
table surveys
  column id INTEGER PRIMARY KEY #1
  column token_hash TEXT NOT NULL
  column kind TEXT NOT NULL
  column customer_id BIGINT NOT NULL
  column conversation_id BIGINT
  column network TEXT NOT NULL
  column team_id BIGINT
  column agent_id BIGINT
  column created_ms BIGINT NOT NULL
  column expires_ms BIGINT NOT NULL
  column answered_ms BIGINT
  column score INTEGER
  column comment TEXT
  column shared_on TEXT NOT NULL DEFAULT ''
  column followup_conversation_id BIGINT
  foreign key (customer_id) REFERENCES customers (id) ON DELETE NO ACTION
  unique (token_hash)
table team_members
  column team_id BIGINT NOT NULL PRIMARY KEY #1
  column user_id BIGINT NOT NULL PRIMARY KEY #2
  foreign key (user_id) REFERENCES users (id) ON DELETE CASCADE
  foreign key (team_id) REFERENCES teams (id) ON DELETE CASCADE
  primary key (team_id, user_id)
table teams
  column id INTEGER PRIMARY KEY #1
  column name TEXT NOT NULL
  column strategy TEXT NOT NULL
  column supervisor_id BIGINT
  column business_hours TEXT
  unique (name)
table thread_keys
  column kind TEXT NOT NULL PRIMARY KEY #1
  column network TEXT NOT NULL PRIMARY KEY #2
  column thread_id TEXT NOT NULL PRIMARY KEY #3
  column conversation_id BIGINT NOT NULL
  primary key (kind, network, thread_id)
table users
  column id INTEGER PRIMARY KEY #1
  column email TEXT NOT NULL
  column name TEXT NOT NULL
  column role TEXT NOT NULL
  column password_hash TEXT NOT NULL
  column away INTEGER NOT NULL DEFAULT 0
  column capacity INTEGER NOT NULL DEFAULT 25
  column skills TEXT NOT NULL DEFAULT ''
  column disabled INTEGER NOT NULL DEFAULT 0
  column created_ms BIGINT NOT NULL
  column must_change_password INTEGER NOT NULL DEFAULT 0
  unique (email)
index alert_events_alert ON alert_events: CREATE INDEX alert_events_alert ON alert_events (alert_id, id)
index alerts_detected ON alerts: CREATE INDEX alerts_detected ON alerts (detected_ms)
index announcements_open ON announcements: CREATE INDEX announcements_open ON announcements (status, created_ms)
index api_tokens_user ON api_tokens: CREATE INDEX api_tokens_user ON api_tokens (user_id)
index audit_log_at ON audit_log: CREATE INDEX audit_log_at ON audit_log (at_ms)
index authors_handle ON authors: CREATE INDEX authors_handle ON authors (handle)
index community_mail_due ON community_mail: CREATE INDEX community_mail_due ON community_mail (status, next_ms)
index community_members_customer ON community_members: CREATE INDEX community_members_customer ON community_members (customer_id)
index community_members_email ON community_members: CREATE UNIQUE INDEX community_members_email ON community_members (email)
index community_posts_list ON community_posts: CREATE INDEX community_posts_list ON community_posts (kind, state, created_ms)
index community_posts_member ON community_posts: CREATE INDEX community_posts_member ON community_posts (member_id)
index community_posts_parent ON community_posts: CREATE INDEX community_posts_parent ON community_posts (parent_id, created_ms)
index community_posts_state ON community_posts: CREATE INDEX community_posts_state ON community_posts (state, created_ms)
index community_reports_member ON community_reports: CREATE INDEX community_reports_member ON community_reports (member_id)
index community_sessions_member ON community_sessions: CREATE INDEX community_sessions_member ON community_sessions (member_id)
index community_signin_tokens_member ON community_signin_tokens: CREATE INDEX community_signin_tokens_member ON community_signin_tokens (member_id)
index community_votes_member ON community_votes: CREATE INDEX community_votes_member ON community_votes (member_id)
index conversation_events_conversation ON conversation_events: CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, id)
index conversation_messages_conversation ON conversation_messages: CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, created_ms)
index conversations_active_assignee ON conversations: CREATE INDEX conversations_active_assignee ON conversations (assignee_id, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
index conversations_active_priority ON conversations: CREATE INDEX conversations_active_priority ON conversations (priority, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
index conversations_active_sla ON conversations: CREATE INDEX conversations_active_sla ON conversations (sla_due_ms) WHERE status IN ('new', 'open', 'pending')
index conversations_active_team ON conversations: CREATE INDEX conversations_active_team ON conversations (team_id, updated_ms, id) WHERE status IN ('new', 'open', 'pending')
index conversations_active_unassigned ON conversations: CREATE INDEX conversations_active_unassigned ON conversations (updated_ms, id) WHERE status IN ('new', 'open', 'pending') AND assignee_id IS NULL
index conversations_active_updated ON conversations: CREATE INDEX conversations_active_updated ON conversations (updated_ms, id) WHERE status IN ('new', 'open', 'pending')
index conversations_assignee ON conversations: CREATE INDEX conversations_assignee ON conversations (assignee_id, status, updated_ms)
index conversations_backlog ON conversations: CREATE INDEX conversations_backlog ON conversations (status, created_ms, network, team_id)
index conversations_created ON conversations: CREATE INDEX conversations_created ON conversations (created_ms)
index conversations_customer ON conversations: CREATE INDEX conversations_customer ON conversations (customer_id, updated_ms)
index conversations_resolved ON conversations: CREATE INDEX conversations_resolved ON conversations (resolved_ms)
index conversations_sla_check ON conversations: CREATE INDEX conversations_sla_check ON conversations (sla_check_ms)
index conversations_status ON conversations: CREATE INDEX conversations_status ON conversations (status, updated_ms)
index conversations_team ON conversations: CREATE INDEX conversations_team ON conversations (team_id, status, updated_ms)
index conversations_unsettled ON conversations: CREATE INDEX conversations_unsettled ON conversations (created_ms, sla_due_ms, network, team_id, assignee_id) WHERE first_response_ms IS NULL AND resolved_ms IS NULL AND sla_due_ms IS NOT NULL
index customer_identities_customer ON customer_identities: CREATE INDEX customer_identities_customer ON customer_identities (customer_id)
index identity_claims_open ON identity_claims: CREATE INDEX identity_claims_open ON identity_claims (customer_id, status)
index incident_conversations_conversation ON incident_conversations: CREATE INDEX incident_conversations_conversation ON incident_conversations (conversation_id)
index kb_articles_listing ON kb_articles: CREATE INDEX kb_articles_listing ON kb_articles (status, visibility, category, updated_ms)
index kb_usage_article ON kb_usage: CREATE INDEX kb_usage_article ON kb_usage (article_id, at_ms)
index kb_usage_conversation ON kb_usage: CREATE INDEX kb_usage_conversation ON kb_usage (conversation_id)
index mention_rules_mention ON mention_rules: CREATE INDEX mention_rules_mention ON mention_rules (mention_id)
index mentions_author ON mentions: CREATE INDEX mentions_author ON mentions (author_id, created_ms)
index mentions_created ON mentions: CREATE INDEX mentions_created ON mentions (created_ms, id)
index mentions_level ON mentions: CREATE INDEX mentions_level ON mentions (level, created_ms)
index notifications_user ON notifications: CREATE INDEX notifications_user ON notifications (user_id, read_ms, id)
index orders_customer ON orders: CREATE INDEX orders_customer ON orders (customer_id, ordered_ms)
index orders_ordered ON orders: CREATE INDEX orders_ordered ON orders (ordered_ms)
index outbox_due ON outbox: CREATE INDEX outbox_due ON outbox (status, next_attempt_ms)
index sign_in_attempts_account ON sign_in_attempts: CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account, at_ms)
index sign_in_attempts_at ON sign_in_attempts: CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at_ms)
index surveys_answered ON surveys: CREATE INDEX surveys_answered ON surveys (answered_ms)
index surveys_customer ON surveys: CREATE INDEX surveys_customer ON surveys (customer_id, created_ms)
trigger kb_articles_fts_delete ON kb_articles: CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN INSERT INTO kb_articles_fts(kb_articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END
trigger kb_articles_fts_insert ON kb_articles: CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN INSERT INTO kb_articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END
trigger kb_articles_fts_update ON kb_articles: CREATE TRIGGER kb_articles_fts_update AFTER UPDATE OF search_text ON kb_articles BEGIN INSERT INTO kb_articles_fts(kb_articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO kb_articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END
trigger mentions_fts_delete ON mentions: CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN INSERT INTO mentions_fts(mentions_fts, rowid, text, title) VALUES ('delete', old.id, old.text, coalesce(old.title, '')); END
trigger mentions_fts_insert ON mentions: CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN INSERT INTO mentions_fts(rowid, text, title) VALUES (new.id, new.text, coalesce(new.title, '')); END
