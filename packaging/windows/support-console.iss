; Inno Setup 6 script: the Windows installer of Support Console.
;
;   pyinstaller --noconfirm build.spec                                  (on Windows: dist\support-console\)
;   iscc /DAppVersion=0.1.0 packaging\windows\support-console.iss       (writes dist\support-console-0.1.0-setup.exe)
;
; Per machine, into Program Files (administrator rights), with a Start menu entry, an optional desktop
; shortcut and an uninstaller; English and Persian. The Persian wizard texts are Inno Setup's
; user-contributed Farsi.isl, which Inno Setup does not install: .github/workflows/windows.yml fetches
; it and passes /DFarsiIsl=PATH (default: Farsi.isl next to this file; see docs/packaging.md).
; Default.isl is read first, so a message Farsi.isl lacks falls back to English instead of failing
; the build. This file is UTF-8 with a byte-order mark, which tells Inno Setup how to read its Persian.
;
; Silent install, e.g. by IT for every office PC:
;   support-console-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=fa /TASKS=desktopicon
; Each person's settings and local database (%LOCALAPPDATA%\SupportConsole, the keyring entry) are
; theirs: the uninstaller leaves them.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z support-console.iss
#endif
#ifndef FarsiIsl
  #define FarsiIsl "Farsi.isl"
#endif
#define AppName "Support Console"
#define AppExe "support-console.exe"
#define Bundle "..\..\dist\support-console"

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{5E7C1A92-3B4D-4F6E-9A18-2C7D0B5E8F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=crmonline
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=support-console-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\support-console.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fa"; MessagesFile: "compiler:Default.isl,{#FarsiIsl}"

[CustomMessages]
en.AppTitle=Support Console
fa.AppTitle=میز پشتیبانی
en.AppComment=Ticket queue, support sessions and packages of the crmonline support team
fa.AppComment=صف تیکت‌ها، جلسه‌های پشتیبانی و بسته‌های تیم پشتیبانی crmonline
en.DesktopShortcut=Create a desktop shortcut
fa.DesktopShortcut=ساختن میان‌بر روی میز کار

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder: support-console.exe (windowed), support-console-cli.exe (console:
; --version, --smoke-test, import-tickets) and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
; As the person who started the installer, not as the administrator: the first start asks which
; database to use and keeps the answer in that person's profile.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
