; Inno Setup definition for 年报填报助手 on Windows 10/11.
; Built by .github/workflows/windows.yml after packaging/build.py made dist\nianbao\:
;   iscc /DAppVersion=0.1.0 packaging\windows\nianbao.iss
; Installs per machine under Program Files, associates .nianbao drafts, and adds a
; Start-menu entry. Uninstalling removes the program only: drafts live in the
; user's Documents and AppData folders and are left alone.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6F1E5C3A-2B7D-4C8E-9A41-5D0B7E2C9F13}
AppName=年报填报助手
AppVersion={#AppVersion}
AppPublisher=Nianbao
DefaultDirName={autopf}\Nianbao
DefaultGroupName=年报填报助手
UninstallDisplayName=年报填报助手
UninstallDisplayIcon={app}\nianbao.exe
OutputDir=..\..\dist
OutputBaseFilename=nianbao-setup-{#AppVersion}
SetupIconFile=..\..\build\icons\nianbao.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\nianbao\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\年报填报助手"; Filename: "{app}\nianbao.exe"
Name: "{group}\卸载年报填报助手"; Filename: "{uninstallexe}"
Name: "{autodesktop}\年报填报助手"; Filename: "{app}\nianbao.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.nianbao"; ValueType: string; ValueName: ""; ValueData: "Nianbao.Draft"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Nianbao.Draft"; ValueType: string; ValueName: ""; ValueData: "年报草稿"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Nianbao.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\nianbao.exe,0"
Root: HKA; Subkey: "Software\Classes\Nianbao.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\nianbao.exe"" ""%1"""

[Run]
Filename: "{app}\nianbao.exe"; Description: "{cm:LaunchProgram,年报填报助手}"; Flags: nowait postinstall skipifsilent
