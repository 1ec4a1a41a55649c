-- Case categories: a small shared reference tree (configurable by the district admin), seeded with
-- community self-governance items and the city-management event/part classes. Codes are Linli's own
-- (SQ = 社区自治, SJ = 事件, BJ = 部件), arranged like the city-management standards' classes.
-- `limits` holds per-stage time limits ({"accept": {"value": 1, "unit": "working_days"}, "handle": …, "check": …}).

CREATE TABLE case_category (
  id          bigint PRIMARY KEY,
  parent_id   bigint REFERENCES case_category (id),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('self_governance', 'event', 'part')),
  default_level text NOT NULL CHECK (default_level IN ('courtyard', 'community', 'street', 'department')),
  default_department_code text,
  limits      jsonb NOT NULL DEFAULT '{}',
  yellow_at   numeric NOT NULL DEFAULT 0.8 CHECK (yellow_at > 0 AND yellow_at < 1),
  urgent      boolean NOT NULL DEFAULT false,
  active      boolean NOT NULL DEFAULT true,
  sort_key    int NOT NULL DEFAULT 0,
  version     int NOT NULL DEFAULT 1
);
CREATE INDEX case_category_parent ON case_category (parent_id, sort_key, id);
CREATE SEQUENCE case_category_id_seq START 10000;

INSERT INTO case_category (id, parent_id, code, name, name_en, kind, default_level, default_department_code, limits, urgent, sort_key) VALUES
  (1, NULL, 'SQ', '社区自治事项', 'Community self-governance', 'self_governance', 'community', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"}}', false, 1),
  (101, 1, 'SQ01', '邻里纠纷', 'Neighbour dispute', 'self_governance', 'courtyard', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"}}', false, 1),
  (102, 1, 'SQ02', '环境卫生', 'Sanitation', 'self_governance', 'courtyard', NULL, '{"accept":{"value":4,"unit":"working_hours"},"handle":{"value":2,"unit":"working_days"}}', false, 2),
  (103, 1, 'SQ03', '停车管理', 'Parking', 'self_governance', 'community', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"}}', false, 3),
  (104, 1, 'SQ04', '宠物管理', 'Pets', 'self_governance', 'courtyard', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"}}', false, 4),
  (105, 1, 'SQ05', '噪声扰民', 'Noise', 'self_governance', 'community', NULL, '{"accept":{"value":4,"unit":"working_hours"},"handle":{"value":2,"unit":"working_days"}}', false, 5),
  (106, 1, 'SQ06', '漏水渗水', 'Leaks', 'self_governance', 'courtyard', NULL, '{"accept":{"value":4,"unit":"working_hours"},"handle":{"value":2,"unit":"working_days"}}', false, 6),
  (107, 1, 'SQ07', '健身设施损坏', 'Broken fitness equipment', 'self_governance', 'community', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"}}', false, 7),
  (108, 1, 'SQ08', '楼道堆物', 'Clutter in stairwells', 'self_governance', 'courtyard', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"}}', false, 8),
  (2, NULL, 'SJ', '城市管理事件', 'City-management events', 'event', 'street', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 2),
  (21, 2, 'SJ01', '市容环境', 'City appearance', 'event', 'street', 'cgj', '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (2101, 21, 'SJ0101', '暴露垃圾', 'Exposed rubbish', 'event', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_hours"},"handle":{"value":4,"unit":"working_hours"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (2102, 21, 'SJ0102', '积存垃圾渣土', 'Accumulated waste and muck', 'event', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_hours"},"handle":{"value":1,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 2),
  (2103, 21, 'SJ0103', '道路不洁', 'Dirty road', 'event', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_hours"},"handle":{"value":4,"unit":"working_hours"},"check":{"value":1,"unit":"working_hours"}}', false, 3),
  (22, 2, 'SJ02', '宣传广告', 'Advertising', 'event', 'street', 'cgj', '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 2),
  (2201, 22, 'SJ0201', '违规张贴小广告', 'Illegal flyers', 'event', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":1,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (23, 2, 'SJ03', '施工管理', 'Construction', 'event', 'street', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":7,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 3),
  (2301, 23, 'SJ0301', '施工扰民', 'Construction noise', 'event', 'department', 'cgj', '{"accept":{"value":4,"unit":"working_hours"},"handle":{"value":3,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (2302, 23, 'SJ0302', '违法建设', 'Illegal construction', 'event', 'street', 'cgj', '{"accept":{"value":4,"unit":"natural_hours"},"handle":{"value":20,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 2),
  (24, 2, 'SJ04', '突发事件', 'Emergencies', 'event', 'street', NULL, '{"accept":{"value":0.5,"unit":"natural_hours"},"handle":{"value":2,"unit":"natural_hours"},"check":{"value":1,"unit":"natural_hours"}}', true, 4),
  (2401, 24, 'SJ0401', '路面塌陷', 'Road collapse', 'event', 'street', NULL, '{"accept":{"value":0.5,"unit":"natural_hours"},"handle":{"value":2,"unit":"natural_hours"},"check":{"value":1,"unit":"natural_hours"}}', true, 1),
  (25, 2, 'SJ05', '街面秩序', 'Street order', 'event', 'street', 'cgj', '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 5),
  (2501, 25, 'SJ0501', '占道经营', 'Street vending on the road', 'event', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_hours"},"handle":{"value":1,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (2502, 25, 'SJ0502', '群租', 'Group renting', 'event', 'street', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":15,"unit":"working_days"},"check":{"value":2,"unit":"working_hours"}}', false, 2),
  (3, NULL, 'BJ', '城市管理部件', 'City-management parts', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 3),
  (31, 3, 'BJ01', '公用设施', 'Public utilities', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (3101, 31, 'BJ0101', '井盖破损缺失', 'Damaged or missing manhole cover', 'part', 'department', NULL, '{"accept":{"value":0.5,"unit":"natural_hours"},"handle":{"value":4,"unit":"natural_hours"},"check":{"value":1,"unit":"natural_hours"}}', true, 1),
  (32, 3, 'BJ02', '道路交通', 'Roads and traffic', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 2),
  (3201, 32, 'BJ0201', '路灯损坏', 'Broken street light', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 1),
  (33, 3, 'BJ03', '市容环境', 'City appearance (facilities)', 'part', 'department', 'cgj', '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":3,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 3),
  (34, 3, 'BJ04', '园林绿化', 'Greenery', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":5,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 4),
  (35, 3, 'BJ05', '房屋土地', 'Buildings and land', 'part', 'department', NULL, '{"accept":{"value":1,"unit":"working_days"},"handle":{"value":7,"unit":"working_days"},"check":{"value":1,"unit":"working_hours"}}', false, 5);
