using RealmCi.Errors;

namespace RealmCi.Containers;

/// <summary>The engine did not answer: says where it looked, how to start one, and the alternative.</summary>
public sealed class EngineUnavailableException(string endpoint, string reason, Exception? inner = null)
    : RealmCiException(
        $"no Docker engine answers at {endpoint} ({reason}). Start one (e.g. 'sudo systemctl start docker' or 'dockerd &'), " +
        "point DOCKER_HOST at one (unix:///path/docker.sock or tcp://host:2375), or run on this machine's toolchain with --executor=host",
        ExitCodes.Unavailable, inner)
{
    public string Endpoint { get; } = endpoint;
}
