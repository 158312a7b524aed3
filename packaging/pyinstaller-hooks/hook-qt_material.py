# Replaces qt-material's own hook, which bundles all of its themes, fonts and logos: build.spec lists
# the few files the app uses (two themes, the template, the SVG icons; no Roboto).
datas: list[tuple[str, str]] = []
