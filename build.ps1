#!/usr/bin/env pwsh
# realm-ci front door for PowerShell: find (or install) a .NET SDK >= 10, build build/ only
# when its inputs changed, then run the compiled program directly. Every argument passes through.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Out = Join-Path $Root 'build/bin/Release/net10.0'
$Dll = Join-Path $Out 'realm-ci.dll'
$Stamp = Join-Path $Out '.inputs'
$env:REALM_CI_ROOT = $Root
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Find-Dotnet {
    $candidates = @()
    if ($env:DOTNET_ROOT) { $candidates += (Join-Path $env:DOTNET_ROOT 'dotnet') }
    $onPath = Get-Command dotnet -ErrorAction SilentlyContinue
    if ($onPath) { $candidates += $onPath.Source }
    $candidates += (Join-Path $Root '.dotnet/dotnet')
    foreach ($c in $candidates) {
        if (-not (Test-Path $c) -and -not (Test-Path "$c.exe")) { continue }
        $sdks = & $c --list-sdks 2>$null
        if ($sdks | Where-Object { [int]($_.Split('.')[0]) -ge 10 }) { return $c }
    }
    return $null
}

$Dotnet = Find-Dotnet
if (-not $Dotnet) {
    Write-Host "build.ps1: no .NET SDK >= 10 found; installing one into $Root/.dotnet"
    $installer = Join-Path $Root '.dotnet-install.ps1'
    try { Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer }
    catch { Write-Error 'build.ps1: could not download dotnet-install.ps1; install the .NET 10 SDK and retry'; exit 3 }
    & $installer -Channel 10.0 -InstallDir (Join-Path $Root '.dotnet')
    Remove-Item $installer
    $Dotnet = Join-Path $Root '.dotnet/dotnet'
}

# The inputs of the build program: paths, sizes and times of its sources.
$inputs = Get-ChildItem -Recurse -File -Path (Join-Path $Root 'build'), (Join-Path $Root 'src') |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.Extension -in '.cs', '.csproj', '.props', '.json' }
$inputs += Get-Item (Join-Path $Root 'Directory.Build.props'), (Join-Path $Root 'Directory.Packages.props'), (Join-Path $Root 'global.json')
$current = ($inputs | Sort-Object FullName | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }) -join "`n"

if (-not (Test-Path $Dll) -or -not (Test-Path $Stamp) -or ((Get-Content $Stamp -Raw) -ne $current)) {
    Write-Host 'build.ps1: building the build program...'
    $log = & $Dotnet build (Join-Path $Root 'build/Build.csproj') -c Release -nologo -v quiet -tl:off 2>&1
    if ($LASTEXITCODE -ne 0) { $log | Write-Host; Write-Error 'build.ps1: the build program failed to compile'; exit 2 }
    Set-Content -Path $Stamp -Value $current -NoNewline
}

& $Dotnet $Dll @args
exit $LASTEXITCODE
