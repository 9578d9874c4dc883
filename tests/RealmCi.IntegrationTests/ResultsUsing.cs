// Results records (ConfigurationResult, statuses) moved from RealmCi.Execution to RealmCi.Results; every test sees them.
global using RealmCi.Results;
