-- stg_run_notes: each file's notes of the current run's reading — the
-- matches kam guessed (a code without its leading zeros, a name, a tax id
-- written another way), the rows naming no account, a key list that
-- disagrees — as a JSON list of notes (keys and arguments, as
-- meta.files.notes), written by the run after staging
-- (FileAccounting.note). A view: read by data_quality once they are
-- written, never the previous run's.
-- grain: file. key: file_id. inputs: meta.run_notes
-- materialized: view
select file_id, notes from meta.run_notes
