-- Story and skill circles: who joined a room's weekly circle (the host rotates among them, so each
-- keeps how often and when they last hosted), the skills members offer and want to learn, and the
-- pairs someone passed on. The stories told in a circle are never stored.
CREATE TABLE circle_members (
  room_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  hosted_count INTEGER NOT NULL DEFAULT 0,
  last_hosted_at INTEGER,
  PRIMARY KEY (room_id, user_id)
);

-- `who` is a user id, or `name:<name>` for someone not on Matrix (as rotation members are kept).
CREATE TABLE skills (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  who TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'want')),
  skill TEXT NOT NULL,
  skill_key TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  UNIQUE (room_id, who, kind, skill_key)
);
CREATE INDEX skills_by_room ON skills (room_id, kind, skill_key);

-- A suggested teacher/learner pair that one of them declined: it is not suggested again.
CREATE TABLE skill_passes (
  room_id TEXT NOT NULL,
  teacher TEXT NOT NULL,
  learner TEXT NOT NULL,
  skill_key TEXT NOT NULL,
  passed_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, teacher, learner, skill_key)
);

-- Lessons learned after an action, numbered per room; `plan` is the care plan they follow (if any).
CREATE TABLE lessons (
  id INTEGER PRIMARY KEY,
  room_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  plan INTEGER,
  text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  UNIQUE (room_id, number)
);
CREATE INDEX lessons_by_time ON lessons (room_id, recorded_at);

-- When each lesson prompt was asked (so `!lesson <text>` goes to the latest plan asked about), and
-- when each burst started (so a burst shows the lessons recorded since the previous one).
CREATE TABLE lesson_prompts (
  room_id TEXT NOT NULL,
  plan INTEGER NOT NULL,
  asked_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, plan)
);
CREATE TABLE lesson_bursts (
  room_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, started_at)
);
