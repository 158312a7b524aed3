# Replaces pyinstaller-hooks-contrib's hook, which bundles every zone of tzdata: build.spec lists the
# zones the app names (Asia/Tehran, UTC) and imports tzdata.zoneinfo.Asia so zoneinfo can open them.
datas: list[tuple[str, str]] = []
hiddenimports: list[str] = []
