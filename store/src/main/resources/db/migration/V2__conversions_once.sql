-- A conversion is recorded once per order, however often the events that led to it are replayed.
CREATE UNIQUE INDEX engagement_conversion_once ON engagement ((detail ->> 'order')) WHERE type = 'converted';
