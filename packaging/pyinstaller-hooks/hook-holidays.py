# build.spec names what the app uses of holidays: the Iran module (loaded by name through
# holidays.registry) and its fa_IR/en_US names. No other country's locale files are bundled.
datas: list[tuple[str, str]] = []
hiddenimports = ["holidays.countries.iran"]
