#!/usr/bin/env pwsh
# realm-ci front door for PowerShell: find (or install) a .NET SDK >= 10, build build/ only
# when its inputs changed, then run the compiled program directly. Every argument passes through.
# Keep in step with build.sh: same messages (on standard error), same stale check, same exit codes.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Out = Join-Path $Root 'build/bin/front-door'   # its own folder: a dotnet build of the solution writes plain IL into bin/Release/net10.0
$Dll = Join-Path $Out 'realm-ci.dll'
$Stamp = Join-Path $Out '.inputs'
$Digest = Join-Path $Out '.inputs.sha256'
$env:REALM_CI_ROOT = $Root
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# Messages go to standard error (Write-Host would land on standard output when redirected).
function Say([string] $message) { [Console]::Error.WriteLine("build.ps1: $message") }

function Find-Dotnet {
    $candidates = @()
    if ($env:DOTNET_ROOT) { $candidates += (Join-Path $env:DOTNET_ROOT 'dotnet') }
    $onPath = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { $candidates += $onPath.Source }
    $candidates += (Join-Path $Root '.dotnet/dotnet')
    foreach ($c in $candidates) {
        if (-not (Test-Path $c -PathType Leaf) -and -not (Test-Path "$c.exe" -PathType Leaf)) { continue }
        $sdks = & $c --list-sdks 2>$null
        if ($sdks | Where-Object { $_ -match '^(1[0-9]|[2-9][0-9])\.' }) { return $c }
    }
    return $null
}

$Dotnet = Find-Dotnet
if (-not $Dotnet) {
    Say "no .NET SDK >= 10 found; installing one into $Root/.dotnet"
    $installer = Join-Path $Root '.dotnet-install.ps1'
    try { Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer }
    catch { Say 'could not download the .NET install script; install the .NET 10 SDK and retry'; exit 3 }
    # The SDK global.json names (what the build program is tested with), not whatever 10.0 is newest.
    & $installer -JSonFile (Join-Path $Root 'global.json') -InstallDir (Join-Path $Root '.dotnet') *>&1 | ForEach-Object { [Console]::Error.WriteLine("$_") }
    Remove-Item $installer
    $Dotnet = Join-Path $Root '.dotnet/dotnet'
}
$env:DOTNET_ROOT = Split-Path -Parent (Resolve-Path $Dotnet).Path

# The inputs of the build program: one line per source file, "PATH SIZE MTIME" with the path
# relative to the root and the time in 100 ns ticks since 1970, sorted by byte value.
# build.sh writes the identical text, so the two bootstraps share the stamp.
function Get-Inputs {
    $files = @(Get-ChildItem -Recurse -File -Force -Path (Join-Path $Root 'build'), (Join-Path $Root 'src')) +
        @(Get-Item (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props'), (Join-Path $Root 'global.json'))
    [string[]] $lines = foreach ($f in $files) {
        $relative = [IO.Path]::GetRelativePath($Root, $f.FullName).Replace('\', '/')
        $folders = $relative.Split('/') | Select-Object -SkipLast 1
        if ($folders -ccontains 'bin' -or $folders -ccontains 'obj') { continue }
        if ($f.Extension -cnotin '.cs', '.csproj', '.props', '.json') { continue }
        "$relative $($f.Length) $(($f.LastWriteTimeUtc - [DateTime]::UnixEpoch).Ticks)"
    }
    [Array]::Sort($lines, [StringComparer]::Ordinal)
    $lines -join "`n"
}

function Get-InputFiles {
    $files = @(Get-ChildItem -Recurse -File -Force -Path (Join-Path $Root 'build'), (Join-Path $Root 'src')) +
        @(Get-Item (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props'), (Join-Path $Root 'global.json'))
    foreach ($f in $files) {
        $relative = [IO.Path]::GetRelativePath($Root, $f.FullName).Replace('\', '/')
        $folders = $relative.Split('/') | Select-Object -SkipLast 1
        if ($folders -ccontains 'bin' -or $folders -ccontains 'obj') { continue }
        if ($f.Extension -cnotin '.cs', '.csproj', '.props', '.json') { continue }
        [pscustomobject]@{ Path = $relative; File = $f }
    }
}

# The same files by content: "PATH SHA256" lines sorted by byte value, after a first line naming
# the runtime the program was published for. A checkout gives every file a new time, so a
# program built elsewhere from the same sources (a CI plan job's, handed to every job as an
# artifact) fails the time check but passes this one. build.sh writes the identical text.
function Get-Digest {
    $os = if ($IsLinux) { 'linux' } elseif ($IsMacOS) { 'osx' } else { 'win' }
    $arch = [Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    [string[]] $lines = foreach ($i in Get-InputFiles) { "$($i.Path) $((Get-FileHash -Algorithm SHA256 -LiteralPath $i.File.FullName).Hash.ToLowerInvariant())" }
    [Array]::Sort($lines, [StringComparer]::Ordinal)
    (@("runtime $os-$arch") + $lines) -join "`n"
}

# Stale unless the times match the stamp, or (the times changed) the contents match the digest;
# then the stamp is brought up to date, so the next start takes the quick check again.
function Test-Stale {
    if (-not (Test-Path $Dll) -or -not (Test-Path $Stamp)) { return $true }
    $current = Get-Inputs
    if ((Get-Content $Stamp -Raw) -ceq $current) { return $false }
    if (-not (Test-Path $Digest) -or ((Get-Content $Digest -Raw) -cne (Get-Digest))) { return $true }
    try { Set-Content -Path $Stamp -Value $current -NoNewline } catch { }
    return $false
}

if (Test-Stale) {
    # One build at a time per checkout (the lock build.sh takes): the second front door waits,
    # then finds the program built. An exclusive open is an flock on Linux and macOS.
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $Root 'build/obj')
    $lockPath = Join-Path $Root 'build/obj/.front-door.lock'
    $lock = $null; $waiting = $false
    while (-not $lock) {
        try { $lock = [IO.File]::Open($lockPath, 'OpenOrCreate', 'ReadWrite', 'None') }
        catch [IO.IOException] {
            if (-not $waiting) { Say 'waiting for another build.sh or build.ps1 to finish building the build program...'; $waiting = $true }
            Start-Sleep -Milliseconds 200
        }
    }
    try {
        if (Test-Stale) {
            $current = Get-Inputs
            $contents = Get-Digest
            Say 'building the build program...'
            # Published ReadyToRun (precompiled for this machine's runtime): a warm start skips most JIT work.
            $log = & $Dotnet publish (Join-Path $Root 'build/Build.csproj') -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true `
                -o $Out -nologo -v quiet -tl:off 2>&1
            if ($LASTEXITCODE -ne 0) {
                $shown = @($log | ForEach-Object { "$_" } | Where-Object { $_ -match 'error|warning' } | Sort-Object -Unique)
                if ($shown.Count -eq 0) { $shown = @($log | ForEach-Object { "$_" }) }
                $shown | ForEach-Object { [Console]::Error.WriteLine($_) }
                Say 'the build program failed to compile (see above)'
                exit 70
            }
            Set-Content -Path $Stamp -Value $current -NoNewline
            Set-Content -Path $Digest -Value $contents -NoNewline
        }
    }
    finally { $lock.Dispose() }
}

& $Dotnet $Dll @args
exit $LASTEXITCODE
