<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
  <context>
    <name>AboutDialog</name>
    <message>
      <location filename="../../ui/about.py" line="78" />
      <source>About Support Console</source>
      <translation>دربارهٔ میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="84" />
      <source>Support Console</source>
      <translation>میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="86" />
      <source>The desk of the crmonline support team</source>
      <translation>میز کار تیم پشتیبانی crmonline</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="100" />
      <source>Qt %1, PySide6 %2</source>
      <translation>Qt %1، PySide6 %2</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="110" />
      <source>The Vazirmatn font is by Saber Rastikerdar and the Vazirmatn Project Authors, under the SIL Open Font License 1.1.</source>
      <translation>قلم وزیرمتن اثر صابر راستی‌کردار و پدیدآورندگان پروژهٔ وزیرمتن است و با پروانهٔ SIL Open Font License 1.1 منتشر شده است.</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="117" />
      <source>Version</source>
      <translation>نسخه</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="118" />
      <source>Build</source>
      <translation>ساخت</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="119" />
      <source>Interface library</source>
      <translation>کتابخانهٔ رابط کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="120" />
      <source>Python</source>
      <translation>پایتون</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="121" />
      <source>Database in use</source>
      <translation>پایگاه دادهٔ در حال استفاده</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="122" />
      <source>Fonts</source>
      <translation>قلم‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="130" />
      <source>Show the font licence</source>
      <translation>نمایش پروانهٔ قلم</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="132" />
      <source>Copy these details</source>
      <translation>رونوشت این جزئیات</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="134" />
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="153" />
      <source>Development build (not packaged)</source>
      <translation>نسخهٔ توسعه (بسته‌بندی‌نشده)</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="154" />
      <source>Built %1 (Tehran time)</source>
      <translation>ساخته‌شده در %1 (به وقت تهران)</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="159" />
      <source>Demo database</source>
      <translation>پایگاه دادهٔ نمایشی</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="161" />
      <source>Not known</source>
      <translation>نامشخص</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="163" />
      <source>Shared server %1</source>
      <translation>سرور مشترک %1</translation>
    </message>
    <message>
      <location filename="../../ui/about.py" line="164" />
      <source>Local file %1</source>
      <translation>پروندهٔ محلی %1</translation>
    </message>
  </context>
  <context>
    <name>AccountDialogs</name>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="57" />
      <source>%1 is too long: %2 characters; at most %3.</source>
      <translation>%1 بیش از حد طولانی است: %2 نویسه؛ حداکثر %3 نویسه پذیرفته می‌شود.</translation>
    </message>
  </context>
  <context>
    <name>AccountsPage</name>
    <message>
      <location filename="../../ui/pages/accounts.py" line="49" />
      <source>Active</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="50" />
      <source>Disabled</source>
      <translation>غیرفعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="51" />
      <source>Set</source>
      <translation>تعیین‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="52" />
      <source>Not set</source>
      <translation>تعیین‌نشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="63" />
      <source>Locked until %1</source>
      <translation>قفل تا %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="147" />
      <location filename="../../ui/shell.py" line="53" />
      <source>Accounts</source>
      <translation>حساب‌های کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="117" />
      <source>A supervisor manages the accounts. Here you can change your own password.</source>
      <translation>حساب‌ها را سرپرست مدیریت می‌کند. در اینجا می‌توانید گذرواژهٔ خودتان را تغییر دهید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="128" />
      <source>New account…</source>
      <translation>حساب تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="129" />
      <location filename="../../ui/pages/accounts.py" line="250" />
      <location filename="../../ui/pages/accounts.py" line="320" />
      <source>Disable account</source>
      <translation>غیرفعال‌کردن حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="130" />
      <location filename="../../ui/pages/accounts.py" line="324" />
      <source>Make supervisor</source>
      <translation>سرپرست شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="131" />
      <source>Reset password…</source>
      <translation>تعیین گذرواژهٔ تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="132" />
      <source>Change my password…</source>
      <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="221" />
      <source>Your password was changed.</source>
      <translation>گذرواژهٔ شما تغییر کرد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="247" />
      <location filename="../../ui/pages/accounts.py" line="318" />
      <source>Enable account</source>
      <translation>فعال‌کردن حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="247" />
      <source>Let %1 sign in again?</source>
      <translation>%1 دوباره بتواند وارد شود؟</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="248" />
      <source>Enable</source>
      <translation>فعال شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="252" />
      <source>Disable the account of %1? They can no longer sign in; their work stays on record.</source>
      <translation>حساب %1 غیرفعال شود؟ دیگر نمی‌تواند وارد شود؛ سوابق کارش می‌ماند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="254" />
      <source>Disable</source>
      <translation>غیرفعال شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="268" />
      <source>Make %1 a supervisor? Supervisors manage accounts, the calendar and reviews.</source>
      <translation>%1 سرپرست شود؟ سرپرست حساب‌ها، تقویم کاری و بازبینی‌ها را مدیریت می‌کند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="270" />
      <source>Make %1 an agent? They lose the supervisor's pages and rights.</source>
      <translation>%1 کارشناس شود؟ صفحه‌ها و اختیارات سرپرست را از دست می‌دهد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="272" />
      <location filename="../../ui/pages/accounts.py" line="274" />
      <source>Change role</source>
      <translation>تغییر نقش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="287" />
      <source>Done</source>
      <translation>انجام شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="299" />
      <source>OK</source>
      <translation>تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="305" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="322" />
      <source>Make agent</source>
      <translation>کارشناس شود</translation>
    </message>
  </context>
  <context>
    <name>AddressDialog</name>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="210" />
      <source>Add an email or phone</source>
      <translation>افزودن ایمیل یا تلفن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="212" />
      <source>Add</source>
      <translation>افزودن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="221" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="222" />
      <source>Email address</source>
      <translation>ایمیل</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="223" />
      <source>Phone number</source>
      <translation>شماره تلفن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="229" />
      <source>Type an email address or a phone number.</source>
      <translation>یک نشانی ایمیل یا شماره تلفن بنویسید.</translation>
    </message>
  </context>
  <context>
    <name>AdjustDialog</name>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="115" />
      <source>Adjust a balance</source>
      <translation>اصلاح مانده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="120" />
      <source>minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="123" />
      <source>Why (required)</source>
      <translation>دلیل (الزامی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="125" />
      <source>Package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="126" />
      <source>Add (+) or take (−)</source>
      <translation>افزودن (+) یا کاستن (−)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="127" />
      <source>Reason</source>
      <translation>شرح</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="137" />
      <source>Enter the minutes to add (+) or take (−).</source>
      <translation>دقیقه‌هایی را که افزوده (+) یا کم (−) می‌شود وارد کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="139" />
      <source>An adjustment can take the balance at most to zero: it is %1.</source>
      <translation>اصلاح مانده حداکثر تا صفر کم می‌کند: مانده %1 است.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="143" />
      <source>Write the reason for the adjustment.</source>
      <translation>دلیل اصلاح را بنویسید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="117" />
      <source>Record</source>
      <translation>ثبت</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message>
      <location filename="../../ui/pages/audit.py" line="55" />
      <source>Ticket</source>
      <translation>تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="56" />
      <source>Work session</source>
      <translation>جلسهٔ کاری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="57" />
      <source>Package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="58" />
      <source>Ledger</source>
      <translation>دفتر کارکرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="59" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="60" />
      <source>Business calendar</source>
      <translation>تقویم کاری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="61" />
      <source>Policy settings</source>
      <translation>تنظیمات سیاست‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="62" />
      <source>Service outage</source>
      <translation>قطعی سرویس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="63" />
      <source>Uptime credit</source>
      <translation>جبران قطعی سرویس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="64" />
      <source>Timesheet</source>
      <translation>کارکرد کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="65" />
      <source>User account</source>
      <translation>حساب کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="66" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="67" />
      <source>Customer import</source>
      <translation>ورود مشتریان از پرونده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="69" />
      <source>Mailbox</source>
      <translation>صندوق نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="70" />
      <source>Mail text</source>
      <translation>متن نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="71" />
      <source>Notice text</source>
      <translation>متن اطلاعیه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="72" />
      <source>Office server setting</source>
      <translation>تنظیم سرور دفتر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="73" />
      <source>API token</source>
      <translation>توکن دسترسی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="81" />
      <source>Assigned</source>
      <translation>واگذار شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="82" />
      <source>Claimed</source>
      <translation>برداشته شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="83" />
      <source>Category changed</source>
      <translation>تغییر دسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="84" />
      <source>State changed</source>
      <translation>تغییر وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="85" />
      <source>Replied</source>
      <translation>پاسخ داده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="86" />
      <source>Internal note added</source>
      <translation>یادداشت داخلی افزوده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="87" />
      <source>Customer message</source>
      <translation>پیام مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="88" />
      <source>Session started</source>
      <translation>آغاز جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="89" />
      <source>Session paused</source>
      <translation>مکث جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="90" />
      <source>Session resumed</source>
      <translation>ادامهٔ جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="91" />
      <source>Session stopped</source>
      <translation>پایان جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="92" />
      <source>Session recovered</source>
      <translation>بازیابی جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="93" />
      <source>Package purchased</source>
      <translation>خرید بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="94" />
      <source>Balance adjusted</source>
      <translation>اصلاح مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="95" />
      <source>Forfeited at expiry</source>
      <translation>سوخت در پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="96" />
      <source>Session corrected</source>
      <translation>تصحیح جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="97" />
      <source>Weekly hours changed</source>
      <translation>تغییر ساعات کاری هفته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="98" />
      <source>Holiday added</source>
      <translation>افزودن تعطیلی رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="99" />
      <source>Holiday removed</source>
      <translation>حذف تعطیلی رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="100" />
      <source>Holiday confirmed</source>
      <translation>تأیید تعطیلی رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="101" />
      <source>Closure added</source>
      <translation>افزودن تعطیلی موردی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="102" />
      <source>Closure removed</source>
      <translation>حذف تعطیلی موردی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="103" />
      <source>Maintenance policy changed</source>
      <translation>تغییر سیاست نگهداری برنامه‌ریزی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="76" />
      <source>Record created</source>
      <translation>ایجاد شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="68" />
      <source>Mail message</source>
      <translation>نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="77" />
      <source>Record added</source>
      <translation>افزوده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="78" />
      <source>Record removed</source>
      <translation>حذف شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="79" />
      <source>Decision: approved</source>
      <translation>تصمیم: تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="80" />
      <source>Decision: rejected</source>
      <translation>تصمیم: رد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="104" />
      <source>Credit withdrawn</source>
      <translation>جبران پس گرفته شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="105" />
      <source>Credit recalculated</source>
      <translation>جبران دوباره محاسبه شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="106" />
      <source>Subscription extended</source>
      <translation>تمدید اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="107" />
      <source>First password set</source>
      <translation>تعیین نخستین گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="108" />
      <source>Own password changed</source>
      <translation>تغییر گذرواژه به دست خود کاربر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="109" />
      <source>Password reset</source>
      <translation>تعیین گذرواژهٔ تازه به دست سرپرست</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="110" />
      <source>Account disabled</source>
      <translation>غیرفعال‌شدن حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="111" />
      <source>Account enabled</source>
      <translation>فعال‌شدن حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="112" />
      <source>Role changed</source>
      <translation>تغییر نقش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="113" />
      <source>Record changed</source>
      <translation>ویرایش شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="114" />
      <source>Activated</source>
      <translation>فعال شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="115" />
      <source>Deactivated</source>
      <translation>غیرفعال شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="116" />
      <source>Phone or email added</source>
      <translation>تلفن یا ایمیل افزوده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="117" />
      <source>Ticket's contact set</source>
      <translation>مخاطب تیکت تعیین شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="118" />
      <source>Import applied</source>
      <translation>ورود از پرونده انجام شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="119" />
      <source>Saved</source>
      <translation>ذخیره شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="120" />
      <source>Policies changed</source>
      <translation>سیاست‌ها تغییر کرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="121" />
      <source>Mail limits changed</source>
      <translation>سقف‌های نامه تغییر کرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="122" />
      <source>Mail sent</source>
      <translation>نامه فرستاده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="123" />
      <source>Mail not sent</source>
      <translation>نامه فرستاده نشد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="124" />
      <source>Mail returned undelivered</source>
      <translation>نامه تحویل‌نشده برگشت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="125" />
      <source>Mail from an unknown sender set aside</source>
      <translation>نامهٔ فرستندهٔ ناشناس کنار گذاشته شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="126" />
      <source>Mail linked to a customer</source>
      <translation>نامه به مشتری پیوند شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="127" />
      <source>Unreadable mail quarantined</source>
      <translation>نامهٔ ناخوانا به قرنطینه رفت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="128" />
      <source>Quarantined mail taken in again</source>
      <translation>نامهٔ قرنطینه دوباره دریافت شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="129" />
      <source>Quarantined mail marked handled</source>
      <translation>نامهٔ قرنطینه رسیدگی‌شده علامت خورد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="131" />
      <source>Monthly statement choice changed</source>
      <translation>انتخاب صورت‌حساب ماهانه تغییر کرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="132" />
      <source>Breach mail recipients changed</source>
      <translation>گیرندگان نامهٔ گذشتن از مهلت تغییر کرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="134" />
      <source>System</source>
      <translation>سامانه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="135" />
      <source>yes</source>
      <translation>بله</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="136" />
      <source>no</source>
      <translation>خیر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="152" />
      <source>account no. %1</source>
      <translation>حساب شمارهٔ %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="153" />
      <source>customer no. %1</source>
      <translation>مشتری شمارهٔ %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="154" />
      <source>contact no. %1</source>
      <translation>مخاطب شمارهٔ %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="376" />
      <location filename="../../ui/shell.py" line="55" />
      <source>Audit trail</source>
      <translation>سابقهٔ تغییرات</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="306" />
      <source>Only a supervisor can see the audit trail: who changed what, and when.</source>
      <translation>سابقهٔ تغییرات (چه کسی، چه چیزی را، کی تغییر داد) را فقط سرپرست می‌بیند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="130" />
      <source>Token revoked</source>
      <translation>توکن باطل شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="314" />
      <source>Search actions, values or names…</source>
      <translation>جستجوی کار، مقدار یا نام…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="317" />
      <source>Everything</source>
      <translation>همه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="321" />
      <source>Everyone</source>
      <translation>همهٔ افراد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="322" />
      <source>Between dates</source>
      <translation>فقط در بازهٔ تاریخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="330" />
      <source>Concerning</source>
      <translation>دربارهٔ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="332" />
      <source>Done by</source>
      <translation>انجام‌دهنده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="336" />
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="338" />
      <source>Until</source>
      <translation>تا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="356" />
      <source>Before</source>
      <translation>پیش از تغییر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="357" />
      <source>After</source>
      <translation>پس از تغییر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="420" />
      <source>The end date is before the start date.</source>
      <translation>تاریخ پایان پیش از تاریخ آغاز است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="468" />
      <source>The newest %1 entries; narrow the search to see older ones.</source>
      <translation>%1 ردیف تازه‌تر؛ برای دیدن موارد قدیمی‌تر جستجو را محدودتر کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="470" />
      <source>%1 entries, newest first</source>
      <translation>%1 ردیف، تازه‌ترین در بالا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="480" />
      <source>The trail could not be loaded (%1).</source>
      <translation>سابقهٔ تغییرات بارگیری نشد (%1).</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="507" />
      <source>Choose an entry to see its values before and after.</source>
      <translation>ردیفی را برگزینید تا مقدارهای پیش و پس از تغییر را ببینید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="512" />
      <source>%1%2 — %3, by %4 at %5</source>
      <translation>%1%2 — %3، به دست %4 در %5</translation>
    </message>
  </context>
  <context>
    <name>BreachAlerts</name>
    <message>
      <location filename="../../ui/queue/alerts.py" line="56" />
      <source>Ticket #%1 is near its deadline</source>
      <translation>مهلت تیکت #%1 نزدیک است</translation>
    </message>
    <message>
      <location filename="../../ui/queue/alerts.py" line="58" />
      <source>%1 — %2 business time left</source>
      <translation>%1 — %2 زمان کاری مانده</translation>
    </message>
  </context>
  <context>
    <name>CalendarSettingsPage</name>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="65" />
      <source>Estimated</source>
      <translation>تخمینی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="66" />
      <source>Lunar holiday estimated by the calendar package: confirm it or move it to the official day</source>
      <translation>تعطیلی قمری با تاریخ تخمینی: آن را تأیید کنید یا به روز رسمی ببرید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="70" />
      <source>Confirmed</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="201" />
      <location filename="../../ui/shell.py" line="47" />
      <source>Business calendar</source>
      <translation>تقویم کاری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="152" />
      <source>Only a supervisor can change the business calendar; you can view it here.</source>
      <translation>فقط سرپرست می‌تواند تقویم کاری را تغییر دهد؛ شما آن را فقط می‌بینید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="158" />
      <source>Save hours</source>
      <translation>ذخیرهٔ ساعات کاری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="159" />
      <source>Discard changes</source>
      <translation>لغو تغییرات</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="163" />
      <source>Add closure…</source>
      <translation>افزودن تعطیلی موردی…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="164" />
      <location filename="../../ui/pages/calendar_settings.py" line="385" />
      <source>Remove closure</source>
      <translation>حذف تعطیلی موردی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="176" />
      <source>Add holiday…</source>
      <translation>افزودن تعطیلی رسمی…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="177" />
      <source>Confirm date…</source>
      <translation>تأیید تاریخ…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="178" />
      <location filename="../../ui/pages/calendar_settings.py" line="359" />
      <source>Remove holiday</source>
      <translation>حذف تعطیلی رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="181" />
      <source>Weekly hours (Tehran time)</source>
      <translation>ساعات کاری هفته (به وقت تهران)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="192" />
      <source>Closures</source>
      <translation>تعطیلی‌های موردی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="188" />
      <source>Holidays</source>
      <translation>تعطیلات رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="189" />
      <source>Jalali year</source>
      <translation>سال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="249" />
      <source>%1 holidays</source>
      <translation>%1 تعطیلی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="249" />
      <source>%1 holidays, %2 to confirm</source>
      <translation>%1 تعطیلی، %2 در انتظار تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="265" />
      <source>Now: open. Closes %1.</source>
      <translation>اکنون: باز. پایان وقت کاری: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="267" />
      <source>Now: closed (%1). Opens %2.</source>
      <translation>اکنون: تعطیل (%1). بازگشایی: %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="269" />
      <source>Now: closed (%1). No open hours are set.</source>
      <translation>اکنون: تعطیل (%1). هیچ ساعت کاری‌ای تعریف نشده است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="279" />
      <source>holiday: %1</source>
      <translation>تعطیل رسمی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="281" />
      <source>closure</source>
      <translation>تعطیلی موردی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="282" />
      <source>outside working hours</source>
      <translation>خارج از ساعات کاری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="357" />
      <source>Remove the holiday “%1” on %2?</source>
      <translation>تعطیلی «%1» در %2 حذف شود؟</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="383" />
      <source>Remove the closure from %1 until %2?</source>
      <translation>تعطیلی موردی از %1 تا %2 حذف شود؟</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="393" />
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="394" />
      <source>Keep</source>
      <translation>نگه‌داشتن</translation>
    </message>
  </context>
  <context>
    <name>ClosureDialog</name>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="27" />
      <source>Add closure</source>
      <translation>افزودن تعطیلی موردی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="30" />
      <source>e.g. Government-announced closure</source>
      <translation>مثلاً تعطیلی اعلام‌شده از سوی دولت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="32" />
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="34" />
      <source>Until</source>
      <translation>تا</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="36" />
      <source>Reason</source>
      <translation>شرح</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/closure_dialog.py" line="39" />
      <source>Times are on the Tehran clock. The desk counts no business time in between.</source>
      <translation>زمان‌ها به وقت تهران است. در این فاصله هیچ زمان کاری شمرده نمی‌شود.</translation>
    </message>
  </context>
  <context>
    <name>Columns</name>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="27" />
      <source>inactive</source>
      <translation>غیرفعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="39" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="43" />
      <source>Job title</source>
      <translation>سمت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="45" />
      <source>Phones</source>
      <translation>تلفن‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="48" />
      <source>Emails</source>
      <translation>ایمیل‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="55" />
      <location filename="../../ui/pages/expiry.py" line="84" />
      <location filename="../../ui/pages/expiry.py" line="134" />
      <location filename="../../ui/pages/office_statements.py" line="37" />
      <location filename="../../ui/pages/reports.py" line="156" />
      <source>Code</source>
      <translation>کد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="57" />
      <location filename="../../ui/pages/expiry.py" line="86" />
      <location filename="../../ui/pages/expiry.py" line="136" />
      <location filename="../../ui/pages/office_statements.py" line="38" />
      <location filename="../../ui/pages/reports.py" line="161" />
      <location filename="../../ui/pages/timesheet_models.py" line="163" />
      <location filename="../../ui/pages/uptime_models.py" line="87" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="62" />
      <source>Support left</source>
      <translation>ماندهٔ پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="69" />
      <source>Training left</source>
      <translation>ماندهٔ آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="76" />
      <source>Next expiry</source>
      <translation>نزدیک‌ترین انقضا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="82" />
      <location filename="../../ui/pages/uptime_models.py" line="116" />
      <source>Subscription end</source>
      <translation>پایان اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="93" />
      <location filename="../../ui/pages/expiry.py" line="87" />
      <location filename="../../ui/pages/expiry.py" line="137" />
      <source>Package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="95" />
      <source>Purchased</source>
      <translation>تاریخ خرید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="101" />
      <location filename="../../ui/pages/expiry.py" line="95" />
      <source>Expires</source>
      <translation>پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="107" />
      <location filename="../../ui/pages/expiry.py" line="101" />
      <source>Days left</source>
      <translation>روز مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="114" />
      <source>Bought</source>
      <translation>خریداری‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="120" />
      <location filename="../../ui/pages/expiry.py" line="108" />
      <source>Balance</source>
      <translation>مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="251" />
      <location filename="../../ui/pages/customer_models.py" line="133" />
      <location filename="../../ui/pages/timesheet_models.py" line="231" />
      <source>When</source>
      <extracomment>recorded keys whose value is a code with a Persian name (ui.labels.label) recorded keys counted in minutes and in seconds</extracomment>
      <translation>زمان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="252" />
      <source>Done by</source>
      <translation>انجام‌دهنده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="253" />
      <source>Concerns</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="255" />
      <source>No.</source>
      <translation>شماره</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="260" />
      <source>Action</source>
      <translation>کار انجام‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/audit.py" line="261" />
      <source>Change</source>
      <translation>تغییر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="138" />
      <source>Entry</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="140" />
      <location filename="../../ui/pages/expiry.py" line="89" />
      <location filename="../../ui/pages/expiry.py" line="139" />
      <location filename="../../ui/pages/timesheet_models.py" line="243" />
      <source>Package no.</source>
      <translation>شمارهٔ بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customer_models.py" line="146" />
      <location filename="../../ui/pages/timesheet_models.py" line="249" />
      <source>Minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="91" />
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="93" />
      <source>Weekday</source>
      <translation>روز هفته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="99" />
      <source>Holiday</source>
      <translation>مناسبت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="72" />
      <source>Username</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="74" />
      <source>Full name</source>
      <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="78" />
      <location filename="../../ui/pages/office_status.py" line="62" />
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="80" />
      <location filename="../../ui/pages/calendar_settings.py" line="104" />
      <location filename="../../ui/pages/office_notices.py" line="61" />
      <location filename="../../ui/pages/office_status.py" line="84" />
      <location filename="../../ui/pages/office_tokens.py" line="53" />
      <location filename="../../ui/pages/uptime_models.py" line="108" />
      <source>State</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="87" />
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/accounts.py" line="94" />
      <source>Created on</source>
      <translation>تاریخ ایجاد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="118" />
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="124" />
      <source>Until</source>
      <translation>تا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendar_settings.py" line="126" />
      <location filename="../../ui/pages/customer_models.py" line="152" />
      <location filename="../../ui/pages/timesheet_models.py" line="254" />
      <source>Reason</source>
      <translation>شرح</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="89" />
      <source>Availability</source>
      <translation>دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="96" />
      <source>Downtime</source>
      <translation>زمان قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="102" />
      <source>Credit</source>
      <translation>جبران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="128" />
      <source>Start</source>
      <translation>شروع</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="134" />
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="162" />
      <source>Time</source>
      <translation>ساعت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="165" />
      <source>Tickets</source>
      <translation>تیکت‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="169" />
      <source>Channel</source>
      <translation>روش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="171" />
      <location filename="../../ui/pages/uptime_models.py" line="140" />
      <source>Duration</source>
      <translation>مدت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="183" />
      <source>Billable</source>
      <translation>قابل‌محاسبه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="193" />
      <source>Charged to</source>
      <translation>کسر از</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="110" />
      <source>Week</source>
      <translation>هفته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="116" />
      <source>Answered</source>
      <translation>پاسخ‌داده‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="122" />
      <source>Within target</source>
      <translation>در مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="128" />
      <source>Share within target</source>
      <translation>سهم پاسخ در مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="134" />
      <source>Median response</source>
      <translation>میانهٔ زمان پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="143" />
      <source>Still waiting</source>
      <translation>در انتظار پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="163" />
      <source>Phone</source>
      <translation>تلفنی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="169" />
      <source>Remote session</source>
      <translation>اتصال از راه دور</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="175" />
      <source>Ticket</source>
      <translation>تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="181" />
      <source>Total</source>
      <translation>جمع کل</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="187" />
      <location filename="../../ui/pages/timesheet_models.py" line="195" />
      <source>Extra billable</source>
      <translation>ساعات مازاد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="200" />
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="206" />
      <source>Average availability</source>
      <translation>میانگین دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="212" />
      <source>Lowest availability</source>
      <translation>کمترین دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="219" />
      <source>Lowest customer</source>
      <translation>مشتری با کمترین دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="223" />
      <source>Below target</source>
      <translation>زیر هدف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="230" />
      <source>Customers</source>
      <translation>مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="202" />
      <source>Flags</source>
      <translation>هشدارها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="237" />
      <source>Session no.</source>
      <translation>شمارهٔ جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="255" />
      <source>Recorded by</source>
      <translation>ثبت‌کننده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="146" />
      <source>Scope</source>
      <translation>دامنه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="151" />
      <source>Planned</source>
      <translation>برنامه‌ریزی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="157" />
      <source>Cause</source>
      <translation>علت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="114" />
      <source>Used per week</source>
      <translation>مصرف هفتگی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="121" />
      <source>Projected forfeit</source>
      <translation>سوخت پیش‌بینی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="145" />
      <source>Expired on</source>
      <translation>تاریخ انقضا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="151" />
      <source>Forfeited</source>
      <translation>سوخت‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="158" />
      <source>Recorded on</source>
      <translation>تاریخ ثبت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="61" />
      <source>Computer</source>
      <translation>رایانه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="64" />
      <location filename="../../ui/pages/office_status.py" line="87" />
      <source>Started</source>
      <translation>آغاز</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="70" />
      <source>Last seen</source>
      <translation>آخرین بار دیده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="75" />
      <source>API address</source>
      <translation>نشانی رابط پرتال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="82" />
      <source>Job</source>
      <translation>کار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="93" />
      <source>Finished</source>
      <translation>پایان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="98" />
      <source>What it did</source>
      <translation>آنچه انجام داد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="44" />
      <source>Sender</source>
      <translation>فرستنده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="109" />
      <source>Placeholder</source>
      <translation>جای‌نشان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="110" />
      <source>Stands for</source>
      <translation>معنا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="53" />
      <source>Written</source>
      <translation>زمان نوشتن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="58" />
      <location filename="../../ui/pages/office_templates.py" line="120" />
      <source>Notice</source>
      <translation>اطلاعیه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="59" />
      <source>To</source>
      <translation>گیرنده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="70" />
      <source>Sent at</source>
      <translation>زمان فرستادن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="75" />
      <location filename="../../ui/pages/office_templates.py" line="121" />
      <location filename="../../ui/pages/unknown_senders.py" line="45" />
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="123" />
      <source>Changed</source>
      <translation>آخرین تغییر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="102" />
      <location filename="../../ui/pages/mail_settings.py" line="127" />
      <source>Mailbox</source>
      <translation>صندوق نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="103" />
      <source>Address</source>
      <translation>نشانی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="104" />
      <source>IMAP server</source>
      <translation>کارساز دریافت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="105" />
      <source>SMTP server</source>
      <translation>کارساز ارسال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="107" />
      <source>Passwords</source>
      <translation>گذرواژه‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="112" />
      <source>In use</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="122" />
      <location filename="../../ui/pages/unknown_senders.py" line="47" />
      <source>Arrived</source>
      <translation>رسیدن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="129" />
      <source>Size (KB)</source>
      <translation>حجم (کیلوبایت)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="134" />
      <source>Why it was set aside</source>
      <translation>علت کنار گذاشتن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="53" />
      <source>Attachments</source>
      <translation>پیوست‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="58" />
      <source>Beginning</source>
      <translation>آغاز نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="40" />
      <source>Monthly statement</source>
      <translation>صورت‌حساب ماهانه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="49" />
      <source>Customer state</source>
      <translation>وضعیت مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="51" />
      <source>Integration</source>
      <translation>یکپارچه‌سازی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="52" />
      <source>Prefix</source>
      <translation>پیشوند</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="55" />
      <source>Requests a minute</source>
      <translation>درخواست در دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="61" />
      <source>Created</source>
      <translation>زمان ساخت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="67" />
      <source>Last used</source>
      <translation>آخرین استفاده</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="170" />
      <source>New contact</source>
      <translation>مخاطب تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="170" />
      <source>Edit contact</source>
      <translation>ویرایش مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="172" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="176" />
      <source>e.g. office manager, IT</source>
      <translation>مثلاً مدیر دفتر، فناوری اطلاعات</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="185" />
      <source>Active</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="188" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="189" />
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="191" />
      <source>Job title</source>
      <translation>سمت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="193" />
      <source>Emails (one a line)</source>
      <translation>ایمیل‌ها (هر سطر یکی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="194" />
      <source>Phones (one a line)</source>
      <translation>تلفن‌ها (هر سطر یکی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="201" />
      <source>The name is needed.</source>
      <translation>نام لازم است.</translation>
    </message>
  </context>
  <context>
    <name>Conversation</name>
    <message>
      <location filename="../../ui/queue/conversation.py" line="124" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="126" />
      <source>Internal note: %1</source>
      <translation>یادداشت داخلی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="149" />
      <source>By mail from %1</source>
      <translation>با نامه از %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="150" />
      <source>Save the original message…</source>
      <translation>ذخیرهٔ نامهٔ اصلی…</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="157" />
      <source>not accepted: over the size limit</source>
      <translation>پذیرفته نشد: بیش از حجم مجاز</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="158" />
      <source>Attachment %1 (%2): %3</source>
      <translation>پیوست %1 (%2): %3</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="160" />
      <source>Open the file</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="161" />
      <source>Save the file…</source>
      <translation>ذخیره…</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="162" />
      <source>Attachment %1 (%2)</source>
      <translation>پیوست %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="167" />
      <source>Show quoted text</source>
      <translation>نمایش متن نقل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="168" />
      <source>Hide quoted text</source>
      <translation>پنهان کردن متن نقل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="176" />
      <source>Mailed to %1 on %2.</source>
      <translation>نامه در %2 به %1 فرستاده شد.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="179" />
      <source>Mail to %1 could not be sent: %2</source>
      <translation>نامه به %1 فرستاده نشد: %2</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="181" />
      <source>Mail to %1 was not delivered: %2</source>
      <translation>نامه به %1 نرسید: %2</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="183" />
      <source>Mail to %1 not sent yet; trying again (%2).</source>
      <translation>نامه به %1 هنوز نرفته است؛ تلاش دوباره می‌شود (%2).</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="186" />
      <source>Mail to %1 is queued to be sent.</source>
      <translation>نامه به %1 در صف ارسال است.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="192" />
      <source>%1 KB</source>
      <translation>%1 کیلوبایت</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="193" />
      <source>%1 MB</source>
      <translation>%1 مگابایت</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="260" />
      <source>Mail message (*.eml)</source>
      <translation>نامهٔ ایمیل (*.eml)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="260" />
      <source>All files (*)</source>
      <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/conversation.py" line="261" />
      <source>Save the file as</source>
      <translation>ذخیره با نام</translation>
    </message>
  </context>
  <context>
    <name>CorrectionDialog</name>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="80" />
      <source>Correct an approved session</source>
      <translation>تصحیح جلسهٔ تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="83" />
      <source>%1, %2: %3 billable, %4 charged to packages.</source>
      <translation>%1، %2: %3 قابل‌محاسبه، %4 کسر از بسته‌ها.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="92" />
      <source>This day is approved, so the session stays as it is. The correction is added to the ledger of the package the session was charged to: more minutes take from its balance, fewer give minutes back.</source>
      <translation>کارکرد این روز تأیید شده است، پس خود جلسه تغییر نمی‌کند. تصحیح در دفتر کارکرد بسته‌ای ثبت می‌شود که جلسه از آن کسر شده است: دقیقهٔ بیشتر از ماندهٔ بسته کم می‌کند و دقیقهٔ کمتر به آن برمی‌گرداند.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="106" />
      <source>e.g. the call went on after the timer stopped</source>
      <translation>مثلاً تماس پس از توقف زمان‌سنج ادامه داشت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="107" />
      <source>Record correction</source>
      <translation>ثبت تصحیح</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="109" />
      <source>Minutes (+ more, − fewer)</source>
      <translation>دقیقه (+ بیشتر، − کمتر)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="111" />
      <source>Reason for the correction</source>
      <translation>دلیل تصحیح</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="128" />
      <source>%1 more taken from the package</source>
      <translation>%1 دیگر از بسته کسر می‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="130" />
      <source>%1 given back to the package</source>
      <translation>%1 به بسته برمی‌گردد</translation>
    </message>
  </context>
  <context>
    <name>CustomerDialog</name>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="62" />
      <source>New customer</source>
      <translation>مشتری تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="62" />
      <source>Edit customer</source>
      <translation>ویرایش مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="64" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="76" />
      <source>Has a subscription</source>
      <translation>اشتراک دارد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="86" />
      <source>The person the office talks to</source>
      <translation>کسی که دفتر با او در تماس است</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="99" />
      <source>Code</source>
      <translation>کد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="101" />
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="103" />
      <source>crmonline address</source>
      <translation>نشانی سامانهٔ مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="106" />
      <source>Subscription from</source>
      <translation>شروع اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="108" />
      <source>Subscription until</source>
      <translation>پایان اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="110" />
      <source>Notes</source>
      <translation>یادداشت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="113" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="114" />
      <source>Emails (one a line)</source>
      <translation>ایمیل‌ها (هر سطر یکی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="115" />
      <source>Phones (one a line)</source>
      <translation>تلفن‌ها (هر سطر یکی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="128" />
      <source>The code is needed.</source>
      <translation>کد مشتری لازم است.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="130" />
      <source>The name is needed.</source>
      <translation>نام لازم است.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="139" />
      <source>The subscription must end after it starts.</source>
      <translation>پایان اشتراک باید بعد از شروع آن باشد.</translation>
    </message>
  </context>
  <context>
    <name>CustomersPage</name>
    <message>
      <location filename="../../ui/pages/customers.py" line="89" />
      <location filename="../../ui/shell.py" line="31" />
      <source>Customers</source>
      <translation>مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="98" />
      <source>Search by name, code, contact, phone or email…</source>
      <translation>جست‌وجو با نام، کد، مخاطب، تلفن یا ایمیل…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="100" />
      <source>New customer…</source>
      <translation>مشتری تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="101" />
      <source>Import…</source>
      <translation>ورود از پرونده…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="131" />
      <source>Customer's system:</source>
      <translation>سامانهٔ مشتری:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="132" />
      <source>Edit…</source>
      <translation>ویرایش…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="133" />
      <source>Statement PDF…</source>
      <translation>صورت‌حساب ماه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="138" />
      <location filename="../../ui/pages/customers.py" line="325" />
      <source>Deactivate</source>
      <translation>غیرفعال کردن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="141" />
      <source>New contact…</source>
      <translation>مخاطب تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="142" />
      <source>Edit contact…</source>
      <translation>ویرایش مخاطب…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="143" />
      <source>Add email or phone…</source>
      <translation>افزودن ایمیل یا تلفن…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="152" />
      <source>The office server has sent this customer no notice yet.</source>
      <translation>سرور دفتر هنوز اطلاعیه‌ای برای این مشتری نفرستاده است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="161" />
      <location filename="../../ui/pages/customers.py" line="323" />
      <source>Notices sent</source>
      <translation>اطلاعیه‌های فرستاده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="162" />
      <source>Record purchase…</source>
      <translation>ثبت خرید بسته…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="163" />
      <source>Adjust balance…</source>
      <translation>اصلاح مانده…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="184" />
      <source>Contacts</source>
      <translation>مخاطبان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="191" />
      <source>Packages</source>
      <translation>بسته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="253" />
      <source>No customer yet. Add one with «New customer…», or bring in the office's list with «Import…».</source>
      <translation>هنوز مشتری‌ای ثبت نشده است. با «مشتری تازه…» یکی بیفزایید یا فهرست دفتر را با «ورود از پرونده…» وارد کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="256" />
      <source>No customer yet: a supervisor adds them.</source>
      <translation>هنوز مشتری‌ای ثبت نشده است؛ سرپرست مشتریان را می‌افزاید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="532" />
      <source>Save statement</source>
      <translation>ذخیرهٔ صورت‌حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="532" />
      <source>PDF file (*.pdf)</source>
      <translation>پروندهٔ پی‌دی‌اف (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="557" />
      <source>The statement was not saved: «%1» cannot be written (the folder is missing or not writable, or the disk is full).</source>
      <translation>صورت‌حساب ذخیره نشد: «%1» نوشتنی نیست (پوشه‌اش نیست یا اجازهٔ نوشتن در آن نیست، یا دیسک پر است).</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="562" />
      <source>The statement of %1 was saved.</source>
      <translation>صورت‌حساب %1 ذخیره شد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="565" />
      <source>The statement of %1 was saved; no program here opens PDF files.</source>
      <translation>صورت‌حساب %1 ذخیره شد؛ برنامه‌ای برای باز کردن پرونده‌های پی‌دی‌اف در این رایانه نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="573" />
      <source>The statement of %1 was not made: the database cannot be reached.</source>
      <translation>صورت‌حساب %1 ساخته نشد: پایگاه داده در دسترس نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="581" />
      <source>Building the statement of %1…</source>
      <translation>در حال ساختن صورت‌حساب %1…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="155" />
      <source>Ledger</source>
      <translation>دفتر کارکرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="250" />
      <source>No customer matches «%1».</source>
      <translation>مشتری‌ای با «%1» پیدا نشد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="297" />
      <source>Support left: %1</source>
      <translation>ماندهٔ پشتیبانی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="298" />
      <source>Training left: %1</source>
      <translation>ماندهٔ آموزش: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="303" />
      <source>Inactive</source>
      <translation>غیرفعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="306" />
      <source>Subscription: %1 to %2</source>
      <translation>اشتراک: از %1 تا %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="312" />
      <source>Notes: %1</source>
      <translation>یادداشت: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="321" />
      <source>Notices sent (%1)</source>
      <translation>اطلاعیه‌های فرستاده (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="325" />
      <source>Reactivate</source>
      <translation>فعال کردن دوباره</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="301" />
      <source>Extra billable: %1</source>
      <translation>ساعات مازاد: %1</translation>
    </message>
  </context>
  <context>
    <name>DayHours</name>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="325" />
      <source>Closed all day</source>
      <translation>تعطیل</translation>
    </message>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="328" />
      <source>+ Interval</source>
      <translation>+ بازه</translation>
    </message>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="329" />
      <source>Add an open interval (e.g. after a lunch break)</source>
      <translation>افزودن بازهٔ کاری (مثلاً پس از وقت ناهار)</translation>
    </message>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="382" />
      <source>Remove this interval</source>
      <translation>حذف این بازه</translation>
    </message>
  </context>
  <context>
    <name>ExpiryPage</name>
    <message>
      <location filename="../../ui/pages/expiry.py" line="52" />
      <source>%1 (not recorded yet)</source>
      <translation>%1 (هنوز ثبت نشده)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="53" />
      <source>Average over the last eight weeks</source>
      <translation>میانگین هشت هفتهٔ گذشته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="220" />
      <location filename="../../ui/shell.py" line="37" />
      <source>Package expiry</source>
      <translation>انقضای بسته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="184" />
      <source>Export as text (CSV)…</source>
      <translation>خروجی فایل متنی…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="185" />
      <source>Export to Excel…</source>
      <translation>خروجی اکسل…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="201" />
      <source>Expiring within</source>
      <translation>انقضا در</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="203" />
      <source>days</source>
      <translation>روز آینده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="209" />
      <source>About to expire, with time left</source>
      <translation>رو به انقضا، با زمان باقی‌مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="213" />
      <source>Expired</source>
      <translation>منقضی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="214" />
      <source>since</source>
      <translation>از تاریخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="251" />
      <source>%1 packages; projected forfeit %2</source>
      <translation>%1 بسته؛ سوخت پیش‌بینی‌شده %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="257" />
      <source>%1 packages; forfeited %2</source>
      <translation>%1 بسته؛ سوخت‌شده %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="274" />
      <source>Export to Excel</source>
      <translation>خروجی اکسل</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="274" />
      <source>Export as text (CSV)</source>
      <translation>خروجی فایل متنی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="275" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="275" />
      <source>CSV file (*.csv)</source>
      <translation>فایل متنی (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/expiry.py" line="293" />
      <source>%1 rows saved.</source>
      <translation>%1 ردیف ذخیره شد.</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <location filename="../../ui/labels.py" line="68" />
      <location filename="../../ui/labels.py" line="92" />
      <source>state</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="69" />
      <source>category</source>
      <translation>دسته</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="70" />
      <location filename="../../ui/labels.py" line="93" />
      <source>agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="71" />
      <source>customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="72" />
      <source>subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="73" />
      <source>minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="74" />
      <source>reason</source>
      <translation>دلیل</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="75" />
      <source>kind</source>
      <translation>نوع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="76" />
      <source>purchase date</source>
      <translation>تاریخ خرید</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="77" />
      <source>packages</source>
      <translation>بسته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="78" />
      <source>from</source>
      <translation>از</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="79" />
      <source>until</source>
      <translation>تا</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="80" />
      <source>day</source>
      <translation>روز</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="81" />
      <source>name</source>
      <translation>نام</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="82" />
      <source>role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="83" />
      <source>active</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="84" />
      <source>password set</source>
      <translation>گذرواژه تعیین‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="85" />
      <source>full name</source>
      <translation>نام کامل</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="86" />
      <source>username</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="87" />
      <source>confirmed</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="88" />
      <source>channel</source>
      <translation>روش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="89" />
      <source>billable minutes</source>
      <translation>دقیقه‌های قابل کسر</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="90" />
      <source>stopped at</source>
      <translation>پایان</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="91" />
      <source>started at</source>
      <translation>آغاز</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="94" />
      <source>done by</source>
      <translation>انجام‌دهنده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="95" />
      <source>recorded by</source>
      <translation>ثبت‌کننده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="96" />
      <source>decided by</source>
      <translation>تصمیم‌گیرنده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="97" />
      <source>decided at</source>
      <translation>زمان تصمیم</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="98" />
      <source>last sign of life</source>
      <translation>آخرین نشانهٔ فعالیت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="99" />
      <source>paused at</source>
      <translation>زمان توقف موقت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="100" />
      <source>time paused</source>
      <translation>مدت توقف موقت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="101" />
      <source>flagged for review</source>
      <translation>نشان‌دار برای بررسی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="102" />
      <source>paid by</source>
      <translation>پرداخت از</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="103" />
      <source>tickets</source>
      <translation>تیکت‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="104" />
      <source>ticket</source>
      <translation>تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="105" />
      <source>session</source>
      <translation>جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="106" />
      <source>package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="107" />
      <source>package kind</source>
      <translation>نوع بسته</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="108" />
      <source>reason for the edit</source>
      <translation>دلیل ویرایش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="109" />
      <source>expires on</source>
      <translation>پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="110" />
      <source>reference</source>
      <translation>شمارهٔ مرجع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="111" />
      <source>cause</source>
      <translation>علت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="112" />
      <source>planned</source>
      <translation>برنامه‌ریزی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="113" />
      <source>period from</source>
      <translation>آغاز دوره</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="114" />
      <source>period until</source>
      <translation>پایان دوره</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="115" />
      <source>minutes changed</source>
      <translation>تغییر دقیقه‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="116" />
      <source>downtime</source>
      <translation>مدت قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="117" />
      <source>credit</source>
      <translation>جبران</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="118" />
      <source>subscription before</source>
      <translation>اشتراک پیش از این</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="119" />
      <source>subscription after</source>
      <translation>اشتراک پس از این</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="120" />
      <source>subscription from</source>
      <translation>آغاز اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="121" />
      <source>subscription until</source>
      <translation>پایان اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="122" />
      <source>year</source>
      <translation>سال</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="123" />
      <source>month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="124" />
      <source>estimated</source>
      <translation>تخمینی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="125" />
      <source>business hours</source>
      <translation>ساعات کاری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="126" />
      <source>minimum</source>
      <translation>کمینه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="127" />
      <source>increment</source>
      <translation>گام گرد کردن</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="128" />
      <source>response target</source>
      <translation>هدف زمان پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="129" />
      <source>alert before the deadline</source>
      <translation>هشدار پیش از مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="130" />
      <source>heartbeat interval</source>
      <translation>فاصلهٔ نشانهٔ فعالیت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="131" />
      <source>availability target</source>
      <translation>هدف دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="132" />
      <source>credit multiplier</source>
      <translation>ضریب جبران</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="133" />
      <source>planned maintenance counts</source>
      <translation>نگهداری برنامه‌ریزی‌شده شمرده شود</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="134" />
      <source>rounding</source>
      <translation>گرد کردن</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="135" />
      <source>value</source>
      <translation>مقدار</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="136" />
      <source>text</source>
      <translation>متن</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="137" />
      <source>code</source>
      <translation>کد</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="138" />
      <source>notes</source>
      <translation>یادداشت‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="139" />
      <source>balance</source>
      <translation>مانده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="140" />
      <source>at</source>
      <translation>زمان</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="141" />
      <source>waiting since</source>
      <translation>در انتظار از</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="142" />
      <source>acknowledgements per sender per hour</source>
      <translation>پاسخ خودکار به هر فرستنده در ساعت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="143" />
      <source>what was done</source>
      <translation>کار انجام‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="144" />
      <source>character set</source>
      <translation>نویسه‌گان</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="145" />
      <source>contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="146" />
      <source>contacts created</source>
      <translation>مخاطبان تازه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="147" />
      <source>customers created</source>
      <translation>مشتریان تازه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="148" />
      <source>customers updated</source>
      <translation>مشتریان به‌روزشده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="149" />
      <source>emails</source>
      <translation>ایمیل‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="150" />
      <source>entries</source>
      <translation>ردیف‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="151" />
      <source>forfeited packages</source>
      <translation>بسته‌های سوخت‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="152" />
      <source>sender</source>
      <translation>فرستنده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="153" />
      <source>number</source>
      <translation>شماره</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="154" />
      <source>largest message (MB)</source>
      <translation>بزرگ‌ترین نامه (مگابایت)</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="155" />
      <source>outgoing mail</source>
      <translation>نامهٔ خروجی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="156" />
      <source>phone numbers</source>
      <translation>شماره‌های تلفن</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="157" />
      <source>token prefix</source>
      <translation>پیشوند توکن</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="158" />
      <source>quarantined mail</source>
      <translation>نامهٔ قرنطینه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="159" />
      <source>requests a minute</source>
      <translation>درخواست در دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="160" />
      <source>source</source>
      <translation>منبع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="161" />
      <source>monthly statement</source>
      <translation>صورت‌حساب ماهانه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="162" />
      <source>uptime credit</source>
      <translation>جبران دسترس‌پذیری</translation>
    </message>
  </context>
  <context>
    <name>FileDialog</name>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="48" />
      <location filename="../../ui/file_dialogs.py" line="58" />
      <source>Look in:</source>
      <translation>در پوشه:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="49" />
      <location filename="../../ui/file_dialogs.py" line="59" />
      <source>File name:</source>
      <translation>نام پرونده:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="50" />
      <location filename="../../ui/file_dialogs.py" line="60" />
      <source>Files of type:</source>
      <translation>نوع پرونده:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="51" />
      <source>Open files</source>
      <translation>باز کردن</translation>
    </message>
    <message>
      <location filename="../../ui/file_dialogs.py" line="61" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="52" />
      <location filename="../../ui/file_dialogs.py" line="62" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
  </context>
  <context>
    <name>FirstPasswordDialog</name>
    <message>
      <location filename="../../ui/sign_in.py" line="367" />
      <source>First start</source>
      <translation>نخستین اجرا</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="370" />
      <source>This database has no supervisor password yet. Choose the password of the supervisor account “%1” (%2): with it you sign in and create the other accounts. Keep it safe.</source>
      <translation>این پایگاه داده هنوز گذرواژهٔ سرپرست ندارد. گذرواژهٔ حساب سرپرست «%1» (%2) را برگزینید: با آن وارد می‌شوید و حساب‌های دیگر را می‌سازید. آن را در جای امنی نگه دارید.</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="382" />
      <source>Set password and sign in</source>
      <translation>تعیین گذرواژه و ورود</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="383" />
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="389" />
      <source>Support Console</source>
      <translation>میز پشتیبانی</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../ui/first_run.py" line="68" />
      <source>TLS when the server offers it (prefer)</source>
      <translation>TLS هرگاه سرور پشتیبانی کند (prefer)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="69" />
      <source>Always TLS, certificate not checked (require)</source>
      <translation>همیشه TLS، بی‌بررسی گواهی (require)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="72" />
      <source>TLS, certificate checked with the office's CA file (verify-full)</source>
      <translation>TLS با بررسی گواهی سرور با پروندهٔ CA دفتر (verify-full)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="147" />
      <source>Choose the database</source>
      <translation>انتخاب پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="151" />
      <source>Type the shared server's password to start, or change where this PC works.</source>
      <translation>برای شروع، گذرواژهٔ سرور مشترک را بنویسید؛ یا پایگاه دادهٔ این رایانه را تغییر دهید.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="154" />
      <source>Support Console keeps its work in a database. Choose where this PC works; the choice is kept for the next start.</source>
      <translation>میز پشتیبانی کارها را در یک پایگاه داده نگه می‌دارد. انتخاب کنید این رایانه روی کدام پایگاه داده کار کند؛ این انتخاب برای شروع‌های بعدی به خاطر سپرده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="160" />
      <source>This PC only (a local file)</source>
      <translation>فقط همین رایانه (پروندهٔ محلی)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="162" />
      <source>For one person, or to try the console: nothing is shared with other PCs.</source>
      <translation>برای کار یک نفر یا برای آزمودن برنامه: چیزی با رایانه‌های دیگر به اشتراک گذاشته نمی‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="166" />
      <source>The team's shared server (PostgreSQL)</source>
      <translation>سرور مشترک تیم (PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="169" />
      <source>Every office PC works on the same tickets and packages. Your IT admin has these details.</source>
      <translation>همهٔ رایانه‌های دفتر روی همان تیکت‌ها و بسته‌ها کار می‌کنند. این مشخصات را از مسئول فناوری اطلاعات بگیرید.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="189" />
      <source>Choose…</source>
      <translation>برگزینید…</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="199" />
      <source>Each person signs in with their own username and password, checked by the server; this PC keeps only the server's address.</source>
      <translation>هر کس با نام کاربری و گذرواژهٔ خودش وارد می‌شود و خود سرور آن را بررسی می‌کند؛ این رایانه فقط نشانی سرور را نگه می‌دارد.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="205" />
      <source>This server still uses one shared database login (older setup)</source>
      <translation>این سرور هنوز یک نام کاربری مشترک پایگاه داده دارد (راه‌اندازی قدیمی)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="210" />
      <source>Remember the password in this PC's keyring</source>
      <translation>گذرواژه در گاوصندوق گذرواژه‌های این رایانه نگه داشته شود</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="212" />
      <source>This PC has no keyring: the password is not saved and is asked at each start.</source>
      <translation>این رایانه گاوصندوق گذرواژه ندارد: گذرواژه ذخیره نمی‌شود و در هر بار شروع پرسیده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="217" />
      <source>Server URL (optional)</source>
      <translation>نشانی کامل سرور (اختیاری)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="218" />
      <source>Server address</source>
      <translation>نشانی سرور</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="219" />
      <source>Server port</source>
      <translation>درگاه سرور</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="220" />
      <source>Database name</source>
      <translation>نام پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="221" />
      <source>Encryption (TLS)</source>
      <translation>رمزنگاری (TLS)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="222" />
      <source>Office CA file</source>
      <translation>پروندهٔ CA دفتر</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="224" />
      <source>Database user</source>
      <translation>کاربر پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="225" />
      <source>Database password</source>
      <translation>گذرواژهٔ پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="236" />
      <source>Shared server</source>
      <translation>سرور مشترک</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="239" />
      <source>Test connection</source>
      <translation>آزمایش اتصال</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="248" />
      <source>Start the console</source>
      <translation>شروع کار</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="249" />
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="338" />
      <source>The office's CA file</source>
      <translation>پروندهٔ گواهی CA دفتر</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="340" />
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>گواهی‌ها (*.pem *.crt *.cer);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="345" />
      <source>Choose</source>
      <translation>برگزیدن</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="442" />
      <source>Testing the connection…</source>
      <translation>در حال آزمایش اتصال…</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="456" />
      <source>The server answered: it can be reached from this PC. Each person's username and password are checked by the server at sign-in.</source>
      <translation>سرور پاسخ داد: از این رایانه در دسترس است. نام کاربری و گذرواژهٔ هر کس را سرور هنگام ورود بررسی می‌کند.</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="462" />
      <source>The database answered: the connection works.</source>
      <translation>پایگاه داده پاسخ داد: اتصال برقرار است.</translation>
    </message>
  </context>
  <context>
    <name>FormDialog</name>
    <message>
      <location filename="../../ui/dialogs/form.py" line="59" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
  </context>
  <context>
    <name>HolidayDialog</name>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="38" />
      <source>Confirm holiday</source>
      <translation>تأیید تعطیلی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="38" />
      <source>Add holiday</source>
      <translation>افزودن تعطیلی رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="43" />
      <source>e.g. Eid al-Fitr</source>
      <translation>مثلاً عید فطر</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="45" />
      <source>Confirm</source>
      <translation>تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="45" />
      <source>Add</source>
      <translation>افزودن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="48" />
      <source>Date</source>
      <translation>تاریخ</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="51" />
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/holiday_dialog.py" line="57" />
      <source>Lunar holidays are estimated and can be a day off the official calendar. Move the date if the official day differs, then confirm.</source>
      <translation>تعطیلات قمری تخمینی‌اند و ممکن است یک روز با تقویم رسمی فرق کنند. اگر روز رسمی فرق دارد، تاریخ را جابه‌جا و سپس تأیید کنید.</translation>
    </message>
  </context>
  <context>
    <name>ImportCustomersDialog</name>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="43" />
      <source>CSV or Excel files</source>
      <translation>پرونده‌های CSV یا Excel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="72" />
      <source>Import customers and packages</source>
      <translation>ورود مشتریان و بسته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="76" />
      <source>CSV (UTF-8 or windows-1256) or Excel files of customers, their contacts and the packages they hold. First a check shows, line by line, what would be done; nothing is written until you import. Columns: docs/customer-import.md.</source>
      <translation>پرونده‌های CSV (با رمزگذاری UTF-8 یا windows-1256) یا Excel از مشتریان، مخاطبانشان و بسته‌هایی که دارند. نخست «بررسی» سطر به سطر نشان می‌دهد چه خواهد شد؛ تا «وارد کن» را نزنید چیزی نوشته نمی‌شود. ستون‌ها در راهنمای docs/customer-import.md آمده است.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="82" />
      <location filename="../../ui/dialogs/import_customers.py" line="121" />
      <source>No file chosen.</source>
      <translation>پرونده‌ای انتخاب نشده است.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="84" />
      <source>Choose files…</source>
      <translation>انتخاب پرونده‌ها…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="85" />
      <source>Check</source>
      <translation>بررسی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="86" />
      <source>Import</source>
      <translation>وارد کن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="87" />
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="113" />
      <source>Choose the office's files</source>
      <translation>پرونده‌های دفتر را انتخاب کنید</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="136" />
      <source>Checking…</source>
      <translation>در حال بررسی…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="145" />
      <source>Some lines are refused: correct them in the file and check again. Nothing was written.</source>
      <translation>برخی سطرها پذیرفته نشد: آن‌ها را در پرونده درست کنید و دوباره بررسی کنید. چیزی نوشته نشد.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="151" />
      <source>Nothing refused. Import writes what is listed above.</source>
      <translation>هیچ سطری رد نشد. «وارد کن» آنچه در بالا آمده را می‌نویسد.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="158" />
      <source>Importing…</source>
      <translation>در حال وارد کردن…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/import_customers.py" line="169" />
      <source>The files changed since the check: some lines are refused. Nothing was written.</source>
      <translation>پرونده‌ها پس از بررسی تغییر کرده‌اند و برخی سطرها پذیرفته نشد. چیزی نوشته نشد.</translation>
    </message>
  </context>
  <context>
    <name>JalaliDateEdit</name>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="135" />
      <source>Choose on the calendar</source>
      <translation>انتخاب در تقویم</translation>
    </message>
    <message>
      <location filename="../../ui/jalali_widgets.py" line="197" />
      <source>Type a date, e.g. 1404/01/05.</source>
      <translation>تاریخ را بنویسید، مثلاً ۱۴۰۴/۰۱/۰۵.</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="11" />
      <source>Service availability</source>
      <translation>دسترس‌پذیری سرویس</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="12" />
      <source>Support portal</source>
      <translation>پورتال پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="13" />
      <source>Feature questions</source>
      <translation>پرسش دربارهٔ امکانات</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="14" />
      <source>Guidance</source>
      <translation>راهنمایی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="15" />
      <source>Technical problem</source>
      <translation>رفع اشکال فنی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="16" />
      <source>Customisation</source>
      <translation>سفارشی‌سازی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="17" />
      <source>Training</source>
      <translation>آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="18" />
      <source>Analysis and design</source>
      <translation>تحلیل و طراحی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="19" />
      <source>On-site support</source>
      <translation>پشتیبانی حضوری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="20" />
      <source>Comprehensive training</source>
      <translation>آموزش جامع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Free support</source>
      <translation>پشتیبانی رایگان</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="23" />
      <source>Support package</source>
      <translation>بستهٔ پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>Sales department</source>
      <translation>واحد فروش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>Purchase</source>
      <translation>خرید</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <source>Session deduction</source>
      <translation>کسر جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <source>Adjustment</source>
      <translation>اصلاح</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="29" />
      <source>Expiry forfeit</source>
      <translation>سوخت پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="30" />
      <location filename="../../ui/labels.py" line="49" />
      <source>Extra billable hours</source>
      <translation>ساعات مازاد</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="31" />
      <source>Correction</source>
      <translation>تصحیح</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="33" />
      <source>Open</source>
      <translation>باز</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="34" />
      <source>Waiting on customer</source>
      <translation>در انتظار مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="35" />
      <source>Resolved</source>
      <translation>حل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="36" />
      <source>Closed</source>
      <translation>بسته‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="38" />
      <source>Phone</source>
      <translation>تلفنی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="39" />
      <source>Remote session</source>
      <translation>اتصال از راه دور</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="40" />
      <source>Ticket</source>
      <translation>تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="42" />
      <source>Agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="43" />
      <source>Supervisor</source>
      <translation>سرپرست</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="45" />
      <source>Running</source>
      <translation>در حال اجرا</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="46" />
      <source>Paused</source>
      <translation>متوقف موقت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="47" />
      <source>Stopped</source>
      <translation>متوقف</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="48" />
      <source>From a package</source>
      <translation>از بسته</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="51" />
      <source>Awaiting review</source>
      <translation>در انتظار بررسی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="52" />
      <source>Approved</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="53" />
      <source>Rejected</source>
      <translation>ردشده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="54" />
      <source>Withdrawn</source>
      <translation>پس‌گرفته</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="56" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="57" />
      <source>Internal note</source>
      <translation>یادداشت داخلی</translation>
    </message>
  </context>
  <context>
    <name>LengthLimit</name>
    <message>
      <location filename="../../ui/widgets.py" line="97" />
      <source>Too long: at most %1 characters, this is %2. Shorten it; nothing was cut.</source>
      <translation>بیش از حد طولانی است: حداکثر %1 نویسه، این متن %2 نویسه دارد. کوتاهش کنید؛ چیزی بریده نشده است.</translation>
    </message>
  </context>
  <context>
    <name>LinkMailDialog</name>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="38" />
      <source>Link mail to a customer</source>
      <translation>وصل کردن نامه به مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="40" />
      <source>Open ticket</source>
      <translation>باز کردن درخواست</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="44" />
      <source>From %1, arrived %2:
%3</source>
      <translation>از %1، رسیده در %2:
%3</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="47" />
      <source>(no subject)</source>
      <translation>(بدون موضوع)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="56" />
      <source>Add the sender as a contact of this customer</source>
      <translation>فرستنده به مخاطبان این مشتری افزوده شود</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="60" />
      <source>The contact's name</source>
      <translation>نام مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="65" />
      <source>The ticket's response deadline counts from when the mail arrived.</source>
      <translation>مهلت پاسخ درخواست از زمان رسیدن نامه شمرده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="68" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="70" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="71" />
      <source>New contact's name</source>
      <translation>نام مخاطب تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="89" />
      <source>A new contact</source>
      <translation>مخاطب تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="114" />
      <source>Choose one of the customer's contacts, or do not add the sender.</source>
      <translation>یکی از مخاطبان مشتری را انتخاب کنید، یا فرستنده را نیفزایید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/link_mail_dialog.py" line="112" />
      <source>Choose a customer from the list.</source>
      <translation>یکی از مشتریان فهرست را انتخاب کنید.</translation>
    </message>
  </context>
  <context>
    <name>MailSettingsPage</name>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="141" />
      <location filename="../../ui/shell.py" line="66" />
      <source>Mail</source>
      <translation>نامه‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="94" />
      <source>Both stored</source>
      <translation>هر دو ذخیره شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="87" />
      <source>Yes</source>
      <translation>بله</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="88" />
      <source>No</source>
      <translation>خیر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="96" />
      <source>One stored</source>
      <translation>یکی ذخیره شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="97" />
      <source>None stored</source>
      <translation>ذخیره نشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="151" />
      <source>Mailboxes</source>
      <translation>صندوق‌های نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="152" />
      <source>Acknowledgement and limits</source>
      <translation>پاسخ خودکار و سقف‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="153" />
      <location filename="../../ui/pages/mail_settings.py" line="289" />
      <source>Quarantine</source>
      <translation>قرنطینه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="155" />
      <source>Mail settings</source>
      <translation>تنظیمات نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="163" />
      <source>New mailbox…</source>
      <translation>صندوق نامهٔ تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="164" />
      <source>Edit…</source>
      <translation>ویرایش…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="165" />
      <source>Test connection</source>
      <translation>آزمایش اتصال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="172" />
      <source>Passwords are never shown here, and agents' accounts cannot read them.</source>
      <translation>گذرواژه‌ها هرگز اینجا نشان داده نمی‌شوند و حساب کارشناسان نمی‌تواند آن‌ها را بخواند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="199" />
      <source>Sent once for each new ticket that came by mail. It may use: %1 (the number, its tag, the subject, the response deadline in Tehran time, the sender's name).</source>
      <translation>برای هر درخواست تازه‌ای که با نامه رسیده یک بار فرستاده می‌شود. می‌تواند این‌ها را به کار ببرد: %1 (شماره، برچسب، موضوع، مهلت پاسخ به وقت تهران، نام فرستنده).</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="204" />
      <source>Save template</source>
      <translation>ذخیرهٔ قالب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="206" />
      <source>Acknowledgement of a new ticket</source>
      <translation>پاسخ خودکار به درخواست تازه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="208" />
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="209" />
      <source>Text</source>
      <translation>متن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="220" />
      <source>MB</source>
      <translation>مگابایت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="224" />
      <source>Save limits</source>
      <translation>ذخیرهٔ سقف‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="226" />
      <source>Limits</source>
      <translation>سقف‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="229" />
      <source>Acknowledgements to one sender in an hour, at most</source>
      <translation>بیشترین پاسخ خودکار به یک فرستنده در یک ساعت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="230" />
      <source>Size of one mail, at most</source>
      <translation>بیشترین حجم یک نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="243" />
      <source>Messages that could not be read are kept here whole; the worker goes on with the next ones.</source>
      <translation>نامه‌هایی که خوانده نشدند کامل اینجا نگه داشته می‌شوند؛ دریافت نامه‌های بعدی ادامه می‌یابد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="249" />
      <source>Guess it</source>
      <translation>حدس زده شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="251" />
      <source>Take in again</source>
      <translation>دریافت دوباره</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="253" />
      <source>Take the message in again: as it is, or read in the charset chosen beside.</source>
      <translation>نامه دوباره دریافت شود: همان‌گونه که هست، یا با نویسه‌گانی که کنارش انتخاب شده خوانده شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="255" />
      <source>Mark handled</source>
      <translation>رسیدگی شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="256" />
      <source>Handled without a ticket; the message stays kept.</source>
      <translation>بدون تیکت رسیدگی شد؛ نامه نگه داشته می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="263" />
      <source>Charset</source>
      <translation>نویسه‌گان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="328" />
      <source>Connecting to the servers of “%1”…</source>
      <translation>در حال اتصال به کارسازهای «%1»…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="377" />
      <source>Taken in: ticket %1.</source>
      <translation>دریافت شد: تیکت %1.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="379" />
      <source>Taken in: it waits among the mail from unknown senders.</source>
      <translation>دریافت شد: در میان نامه‌های فرستندگان ناشناس منتظر است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="381" />
      <source>This message had been taken in already.</source>
      <translation>این نامه پیش‌تر دریافت شده بود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="383" />
      <source>Taken in: it needs no ticket (an automatic reply, a bounce or our own mail).</source>
      <translation>دریافت شد: تیکتی لازم ندارد (پاسخ خودکار، نامهٔ برگشتی یا نامهٔ خود ما).</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="385" />
      <source>Read as %1.</source>
      <translation>با نویسه‌گان %1 خوانده شد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_settings.py" line="395" />
      <source>Marked handled; the message stays kept.</source>
      <translation>رسیدگی‌شده علامت خورد؛ نامه نگه داشته می‌شود.</translation>
    </message>
  </context>
  <context>
    <name>MailboxDialog</name>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="67" />
      <source>Server</source>
      <translation>کارساز</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="71" />
      <source>Port and security</source>
      <translation>درگاه و امنیت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="72" />
      <source>User name</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="73" />
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="94" />
      <source>New mailbox</source>
      <translation>صندوق نامهٔ تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="94" />
      <source>Edit mailbox</source>
      <translation>ویرایش صندوق نامه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="96" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="101" />
      <source>Incoming mail (IMAP)</source>
      <translation>نامهٔ ورودی (IMAP)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="102" />
      <source>Outgoing mail (SMTP)</source>
      <translation>نامهٔ خروجی (SMTP)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="107" />
      <source>seconds</source>
      <translation>ثانیه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="108" />
      <source>Take mail in from this mailbox</source>
      <translation>نامه‌های این صندوق دریافت شود</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="110" />
      <source>Stored</source>
      <translation>ذخیره شده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="124" />
      <source>Name</source>
      <translation>نام</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="125" />
      <source>Address</source>
      <translation>نشانی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="126" />
      <source>Sender name</source>
      <translation>نام فرستنده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="128" />
      <source>Folder</source>
      <translation>پوشه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="129" />
      <source>Check every (without IDLE)</source>
      <translation>بررسی هر (بدون IDLE)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="133" />
      <source>A password left blank keeps the stored one; stored passwords are never shown.</source>
      <translation>گذرواژهٔ خالی، گذرواژهٔ ذخیره‌شده را نگه می‌دارد؛ گذرواژه‌های ذخیره‌شده هرگز نشان داده نمی‌شوند.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="149" />
      <source>TLS</source>
      <translation>TLS</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="149" />
      <source>STARTTLS</source>
      <translation>STARTTLS</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="149" />
      <source>None (unencrypted)</source>
      <translation>بدون رمزگذاری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="154" />
      <source>Enter the %1 server's address.</source>
      <translation>نشانی کارساز %1 را وارد کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/mailbox_dialog.py" line="156" />
      <source>The %1 port must be a number from 1 to 65535.</source>
      <translation>درگاه %1 باید عددی بین ۱ و ۶۵۵۳۵ باشد.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="60" />
      <source>Support Console</source>
      <translation>میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="123" />
      <source>The database cannot be reached. Nothing you have recorded is lost and the session clock keeps running; the app keeps retrying and carries on when the connection returns.</source>
      <translation>پایگاه داده در دسترس نیست. هیچ کار ثبت‌شده‌ای از دست نرفته و زمان‌سنج جلسه ادامه دارد؛ برنامه پیوسته دوباره تلاش می‌کند و با برقراری ارتباط کار را از سر می‌گیرد.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="143" />
      <source>Signed in: %1 (%2)</source>
      <translation>کاربر: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="146" />
      <source>Shared server %1</source>
      <translation>سرور مشترک %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="146" />
      <source>Local file</source>
      <translation>پایگاه دادهٔ محلی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="148" />
      <source>Demo database</source>
      <translation>پایگاه دادهٔ نمایشی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="161" />
      <source>View</source>
      <translation>نما</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="162" />
      <source>Dark theme</source>
      <translation>پوستهٔ تیره</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="166" />
      <source>Sound with deadline alerts</source>
      <translation>صدای هشدار مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="171" />
      <source>Help</source>
      <translation>راهنما</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="172" />
      <location filename="../../ui/main_window.py" line="219" />
      <source>Keyboard shortcuts</source>
      <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="175" />
      <source>About Support Console</source>
      <translation>دربارهٔ میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="201" />
      <source>Go to a page</source>
      <translation>رفتن به یک صفحه</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="202" />
      <source>Queue views: mine, unassigned, all, due within the hour, breached</source>
      <translation>نماهای صف: من، بدون کارشناس، همه، کمتر از یک ساعت، گذشته از مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="203" />
      <source>Search the queue</source>
      <translation>جستجو در صف</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="204" />
      <source>Back to the queue's table</source>
      <translation>بازگشت به جدول صف</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="205" />
      <source>New ticket</source>
      <translation>تیکت جدید</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="206" />
      <source>Reload the queue</source>
      <translation>بارگذاری دوبارهٔ صف</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="207" />
      <source>Move through tickets / write a reply</source>
      <translation>حرکت میان تیکت‌ها / نوشتن پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="208" />
      <source>Send the reply</source>
      <translation>ارسال پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="209" />
      <source>Add an internal note</source>
      <translation>افزودن یادداشت داخلی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="210" />
      <source>Claim the ticket</source>
      <translation>برداشتن تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="211" />
      <source>Start a session on the ticket</source>
      <translation>شروع جلسه روی تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="212" />
      <source>Start a session</source>
      <translation>شروع جلسهٔ کاری</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="277" />
      <source>Connected again.</source>
      <translation>ارتباط دوباره برقرار شد.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="285" />
      <source>● Connected</source>
      <translation>● متصل</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="285" />
      <source>● Disconnected: retrying</source>
      <translation>● قطع ارتباط؛ تلاش دوباره…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="295" />
      <source>Not done</source>
      <translation>انجام نشد</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="297" />
      <source>Database error</source>
      <translation>خطای پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="330" />
      <source>The session was stopped and deducted.</source>
      <translation>جلسه متوقف و از بسته کسر شد.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="368" />
      <source>The stop is not recorded yet</source>
      <translation>توقف هنوز ثبت نشده است</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="370" />
      <source>The database has not been reachable since you stopped the session with %1, so the stop is not recorded yet. Close anyway? When the app starts again it offers to stop the session at its last heartbeat.</source>
      <translation>از وقتی جلسه با %1 را متوقف کردید پایگاه داده در دسترس نبوده است، پس توقف هنوز ثبت نشده. با این حال بسته شود؟ برنامه در اجرای بعدی پیشنهاد می‌کند جلسه در آخرین ضربانش متوقف شود.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="382" />
      <source>A session is running</source>
      <translation>جلسه‌ای در جریان است</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="384" />
      <source>Stop the session with %1 before closing? If you keep it, the app offers to stop it at its last heartbeat when it starts again.</source>
      <translation>جلسه با %1 پیش از بستن برنامه متوقف شود؟ اگر بماند، برنامه در اجرای بعدی پیشنهاد می‌کند آن را در زمان آخرین ضربان متوقف کنید.</translation>
    </message>
  </context>
  <context>
    <name>NewAccountDialog</name>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="184" />
      <source>New account</source>
      <translation>حساب تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="185" />
      <source>Create account</source>
      <translation>ساخت حساب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="187" />
      <source>e.g. s.karimi</source>
      <translation>مثلاً s.karimi</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="193" />
      <source>Username</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="194" />
      <source>Full name</source>
      <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="195" />
      <source>Role</source>
      <translation>نقش</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="202" />
      <source>The username is what the person types to sign in: 3 to 32 small Latin letters, digits, dots, dashes or underscores. Give them the first password in person.</source>
      <translation>نام کاربری همان است که فرد برای ورود می‌نویسد: ۳ تا ۳۲ حرف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط. نخستین گذرواژه را حضوری به او بدهید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="209" />
      <source>The username</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="210" />
      <source>The full name</source>
      <translation>نام کامل</translation>
    </message>
  </context>
  <context>
    <name>NewTicketDialog</name>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="36" />
      <source>New ticket</source>
      <extracomment>asks for a customer's active contacts and hands them, when they arrive, to the callback</extracomment>
      <translation>تیکت جدید</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="53" />
      <source>What the customer asked for</source>
      <translation>درخواست مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="55" />
      <source>Create</source>
      <translation>ایجاد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="57" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="58" />
      <source>Contact</source>
      <translation>مخاطب</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="59" />
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="61" />
      <source>Category</source>
      <translation>دسته</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="62" />
      <source>Message</source>
      <translation>پیام</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="81" />
      <source>Choose one of the customers in the list.</source>
      <translation>یکی از مشتریان فهرست را انتخاب کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="83" />
      <source>Write the ticket's subject.</source>
      <translation>موضوع تیکت را بنویسید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="85" />
      <source>Write what the customer asked for.</source>
      <translation>درخواست مشتری را بنویسید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/new_ticket.py" line="117" />
      <source>— no contact —</source>
      <translation>— بدون مخاطب —</translation>
    </message>
  </context>
  <context>
    <name>NewTokenDialog</name>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="84" />
      <source>New API token</source>
      <translation>توکن دسترسی تازه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="86" />
      <source>For example: customer portal</source>
      <translation>مثلاً: پورتال مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="89" />
      <source>Integration</source>
      <translation>یکپارچه‌سازی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="95" />
      <source>Create</source>
      <translation>ایجاد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="99" />
      <source>Write the integration's name.</source>
      <translation>نام یکپارچه‌سازی را بنویسید.</translation>
    </message>
  </context>
  <context>
    <name>NoticeHistory</name>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="23" />
      <source>Waiting to be sent</source>
      <translation>در صف فرستادن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="24" />
      <source>Trying again</source>
      <translation>دوباره تلاش می‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="25" />
      <source>Sent</source>
      <translation>فرستاده شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="26" />
      <source>Not delivered</source>
      <translation>نرسید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="27" />
      <source>Returned undelivered</source>
      <translation>برگشت خورد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="28" />
      <source>No mail</source>
      <translation>بدون نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_notices.py" line="42" />
      <source>The mail server said: %1</source>
      <translation>پاسخ کارساز نامه: %1</translation>
    </message>
  </context>
  <context>
    <name>OfficeStatusPage</name>
    <message>
      <location filename="../../ui/pages/office_status.py" line="34" />
      <source>Forfeits at expiry</source>
      <translation>سوخت بسته‌ها در پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="35" />
      <source>Customer notices</source>
      <translation>اطلاعیه‌های مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="36" />
      <source>Missed response deadlines</source>
      <translation>مهلت‌های پاسخ گذشته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="37" />
      <location filename="../../ui/pages/office_status.py" line="139" />
      <source>Monthly statements</source>
      <translation>صورت‌حساب‌های ماهانه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="40" />
      <source>Running</source>
      <translation>در حال اجرا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="41" />
      <source>Done</source>
      <translation>انجام شد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="42" />
      <source>Failed</source>
      <translation>ناموفق</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="45" />
      <source>Active</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="46" />
      <source>Standby</source>
      <translation>آماده به کار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="47" />
      <source>Stopped</source>
      <translation>متوقف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="104" />
      <location filename="../../ui/pages/office_status.py" line="141" />
      <location filename="../../ui/shell.py" line="72" />
      <source>Office server</source>
      <translation>سرور دفتر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="127" />
      <source>Server processes</source>
      <translation>فرایندهای سرور</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="129" />
      <source>Scheduled runs</source>
      <translation>اجراهای زمان‌بندی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="136" />
      <source>Status</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="137" />
      <source>API tokens</source>
      <translation>توکن‌های دسترسی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="138" />
      <source>Notice texts</source>
      <translation>متن اطلاعیه‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="171" />
      <source>No office server has been seen on this database: scheduled work does not run.</source>
      <translation>هیچ سرور دفتری روی این پایگاه داده دیده نشده است: کارهای زمان‌بندی‌شده اجرا نمی‌شوند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="175" />
      <source>less than a minute</source>
      <translation>کمتر از یک دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="180" />
      <source>The office server was last seen %1 (%2 ago).</source>
      <translation>سرور دفتر آخرین بار %1 دیده شد (%2 پیش).</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="185" />
      <source>It has not been heard from for over a minute: check it.</source>
      <translation>بیش از یک دقیقه است که از آن خبری نیست: بررسی‌اش کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_status.py" line="188" />
      <source>%1 of the latest runs failed.</source>
      <translation>%1 اجرا از آخرین اجراها ناموفق بود.</translation>
    </message>
  </context>
  <context>
    <name>OutageDialog</name>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="43" />
      <source>Add outage</source>
      <translation>ثبت قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="45" />
      <source>All customers (global outage)</source>
      <translation>همهٔ مشتریان (قطعی سراسری)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="50" />
      <source>e.g. Data centre network failure</source>
      <translation>مثلاً قطعی شبکهٔ مرکز داده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="51" />
      <source>Planned maintenance</source>
      <translation>نگهداری برنامه‌ریزی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="54" />
      <source>Start</source>
      <translation>شروع</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="56" />
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="58" />
      <source>Affected</source>
      <translation>دامنه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="59" />
      <source>Cause</source>
      <translation>علت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="64" />
      <source>Times are on the Tehran clock. Overlapping outages are counted once; planned maintenance counts only if the policy says so.</source>
      <translation>زمان‌ها به وقت تهران است. قطعی‌های هم‌پوشان یک بار حساب می‌شوند؛ نگهداری برنامه‌ریزی‌شده فقط اگر سیاست بگوید حساب می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/outage_dialog.py" line="77" />
      <source>An outage that has not begun yet can be recorded only as planned maintenance.</source>
      <translation>قطعی‌ای که هنوز آغاز نشده را فقط به‌عنوان نگهداری برنامه‌ریزی‌شده می‌توان ثبت کرد.</translation>
    </message>
  </context>
  <context>
    <name>Page</name>
    <message>
      <location filename="../../ui/pages/base.py" line="51" />
      <source>The file could not be saved.
%1</source>
      <translation>فایل ذخیره نشد.
%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="31" />
      <source>The folder does not exist.</source>
      <translation>چنین پوشه‌ای نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="32" />
      <location filename="../../ui/pages/base.py" line="33" />
      <source>You may not write in this folder.</source>
      <translation>اجازهٔ نوشتن در این پوشه را ندارید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="34" />
      <source>This drive can only be read.</source>
      <translation>این دیسک فقط خواندنی است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="35" />
      <source>The disk is full.</source>
      <translation>دیسک پر است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="36" />
      <source>A folder has that name.</source>
      <translation>پوشه‌ای با همین نام هست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="37" />
      <source>The file name is too long.</source>
      <translation>نام پرونده بیش از حد بلند است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="50" />
      <source>The file could not be saved.</source>
      <translation>فایل ذخیره نشد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="55" />
      <source>The operation could not be completed; nothing was changed.</source>
      <translation>کار انجام نشد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="208" />
      <source>This page could not be reloaded: the database cannot be reached. What is shown is from before.</source>
      <extracomment>audit-trail entities whose changes make this page reload a short ASCII name for screenshot files reload at most once per this many milliseconds for a burst of changes (0: at once)</extracomment>
      <translation>این صفحه دوباره بارگیری نشد: پایگاه داده در دسترس نیست. آنچه می‌بینید مربوط به پیش از این است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="212" />
      <source>This page could not be loaded: the database cannot be reached.</source>
      <translation>این صفحه بارگیری نشد: پایگاه داده در دسترس نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="251" />
      <source>Not done</source>
      <translation>انجام نشد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/base.py" line="252" />
      <source>OK</source>
      <translation>تأیید</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="243" />
      <source>Change my password</source>
      <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="245" />
      <source>Reset the password of %1</source>
      <translation>گذرواژهٔ تازه برای %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="246" />
      <source>Save password</source>
      <translation>ذخیرهٔ گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="250" />
      <source>Current password</source>
      <translation>گذرواژهٔ کنونی</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="259" />
      <source>The old password stops working at once. Give the new one to its owner in person.</source>
      <translation>گذرواژهٔ پیشین بی‌درنگ از کار می‌افتد. گذرواژهٔ تازه را حضوری به صاحب حساب بدهید.</translation>
    </message>
  </context>
  <context>
    <name>PasswordPair</name>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="75" />
      <source>At least %1 characters</source>
      <translation>دست‌کم %1 نویسه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="80" />
      <source>New password</source>
      <translation>گذرواژهٔ تازه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="81" />
      <source>Repeat the password</source>
      <translation>تکرار گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="94" />
      <source>The password must be at least %1 characters.</source>
      <translation>گذرواژه باید دست‌کم %1 نویسه باشد.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="98" />
      <source>The two passwords differ.</source>
      <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
  </context>
  <context>
    <name>PoliciesPage</name>
    <message>
      <location filename="../../ui/pages/policies.py" line="102" />
      <location filename="../../ui/shell.py" line="50" />
      <source>Policies</source>
      <translation>سیاست‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="50" />
      <source>minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="51" />
      <source>hours</source>
      <translation>ساعت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="54" />
      <source>seconds</source>
      <translation>ثانیه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="55" />
      <source>Response deadline (business time)</source>
      <translation>مهلت پاسخ (زمان کاری)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="61" />
      <source>Reply within</source>
      <translation>پاسخ حداکثر تا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="62" />
      <source>Alert before the deadline</source>
      <translation>هشدار پیش از پایان مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="64" />
      <source>Session rounding (billable minutes)</source>
      <translation>گرد کردن جلسه‌ها (دقیقه‌های قابل کسر)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="66" />
      <source>Round up to</source>
      <translation>گرد به بالا تا مضرب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="67" />
      <source>Minimum</source>
      <translation>کمینه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="79" />
      <source>A session's billable minutes are its length rounded up to the step, and never less than the minimum. Free support is never billed.</source>
      <translation>دقیقه‌های قابل کسر هر جلسه، مدت آن است که به مضرب گام گرد می‌شود و هرگز کمتر از کمینه نیست. پشتیبانی رایگان هیچ‌گاه کسر نمی‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="86" />
      <source>Session timer</source>
      <translation>زمان‌سنج جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="88" />
      <source>Heartbeat every</source>
      <translation>ضربان هر</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="90" />
      <source>Save policies</source>
      <translation>ذخیرهٔ سیاست‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="91" />
      <source>Discard changes</source>
      <translation>لغو تغییرات</translation>
    </message>
    <message>
      <location filename="../../ui/pages/policies.py" line="93" />
      <source>Only a supervisor can change the policies; you can view them here.</source>
      <translation>فقط سرپرست می‌تواند سیاست‌ها را تغییر دهد؛ شما می‌توانید آن‌ها را ببینید.</translation>
    </message>
  </context>
  <context>
    <name>PurchaseDialog</name>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="37" />
      <source>Record a package purchase</source>
      <translation>ثبت خرید بسته</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="42" />
      <source>Training package</source>
      <translation>بستهٔ آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="46" />
      <source>hours</source>
      <translation>ساعت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="49" />
      <source>minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="54" />
      <source>Invoice or contract number</source>
      <translation>شمارهٔ فاکتور یا قرارداد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="60" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="61" />
      <source>Package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="62" />
      <source>Time bought</source>
      <translation>زمان خریداری‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="64" />
      <source>Purchase date</source>
      <translation>تاریخ خرید</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="66" />
      <source>Reference</source>
      <translation>شمارهٔ مرجع</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="85" />
      <source>Enter the time bought.</source>
      <translation>زمان خریده‌شده را وارد کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="90" />
      <source>A package bought on %1 is no longer usable from %2: check the date. A package the customer held before the console is brought in with the customer import.</source>
      <translation>بسته‌ای که %1 خریده شده از %2 دیگر قابل استفاده نیست؛ تاریخ را بررسی کنید. بسته‌هایی که مشتری پیش از کنسول داشته با «ورود مشتریان از پرونده» وارد می‌شوند.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="39" />
      <source>Record</source>
      <translation>ثبت</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/package_dialogs.py" line="78" />
      <source>Usable until the end of the day before %1 (one Jalali year).</source>
      <translation>قابل استفاده تا پایان روز پیش از %1 (یک سال شمسی).</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <location filename="../../ui/queue/model.py" line="43" />
      <source>My tickets</source>
      <translation>تیکت‌های من</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="44" />
      <location filename="../../ui/queue/model.py" line="318" />
      <source>Unassigned</source>
      <translation>بدون کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="45" />
      <source>All open</source>
      <translation>همهٔ باز</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="46" />
      <source>Breaching within the hour</source>
      <translation>کمتر از یک ساعت مانده</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="47" />
      <source>Breached</source>
      <translation>گذشته از مهلت</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="50" />
      <source>No.</source>
      <translation>شماره</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="51" />
      <source>Time to respond</source>
      <translation>مهلت پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="52" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="53" />
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="54" />
      <source>State</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="55" />
      <source>Agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="56" />
      <source>Category</source>
      <translation>دسته</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="57" />
      <source>Entitlement</source>
      <translation>پرداخت از</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="70" />
      <source>Holiday: %1</source>
      <translation>تعطیل رسمی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="71" />
      <source>official holiday</source>
      <translation>تعطیل رسمی</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="74" />
      <source>Closure: %1</source>
      <translation>تعطیلی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="75" />
      <source>announced closure</source>
      <translation>تعطیلی اعلام‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="80" />
      <source>After hours</source>
      <translation>خارج از ساعت کاری</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="81" />
      <source>%1 — resumes %2</source>
      <translation>%1 — از %2 ادامه می‌یابد</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="341" />
      <source>Waiting on customer</source>
      <translation>در انتظار مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="346" />
      <source>%1 overdue</source>
      <translation>%1 تأخیر</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="352" />
      <source>until %1</source>
      <translation>تا %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/model.py" line="368" />
      <source>Waiting since %1</source>
      <translation>در انتظار پاسخ از %1</translation>
    </message>
  </context>
  <context>
    <name>QueuePage</name>
    <message>
      <location filename="../../ui/shell.py" line="29" />
      <source>Ticket queue</source>
      <translation>صف تیکت‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="141" />
      <source>Search number, customer or text… (Ctrl+F)</source>
      <extracomment>at least this many letters of the subject stay in view (issue 13: 1366-pixel screens) the columns hidden, in this order, when the subject would get fewer letters (the pane shows them)</extracomment>
      <translation>جستجوی شماره، مشتری یا متن… (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="143" />
      <source>New ticket</source>
      <translation>تیکت جدید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="144" />
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="303" />
      <source>The desk is closed; deadlines are paused. %1</source>
      <translation>میز پشتیبانی بسته است و مهلت‌ها متوقف‌اند. %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="347" />
      <source>No ticket matches «%1».</source>
      <translation>هیچ تیکتی با «%1» پیدا نشد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/queue.py" line="349" />
      <source>No ticket in this tab matches «%1»; look in «All open».</source>
      <translation>در این برگه تیکتی با «%1» نیست؛ در «همهٔ باز» ببینید.</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <location filename="../../ui/dialogs/reason_dialog.py" line="28" />
      <source>The reason, as the customer may read it</source>
      <translation>دلیل، چنان‌که مشتری ممکن است بخواند</translation>
    </message>
  </context>
  <context>
    <name>RecipientsDialog</name>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="202" />
      <source>Who hears of a missed deadline</source>
      <translation>چه کسانی از گذشتن مهلت باخبر شوند</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="206" />
      <source>Email addresses, one a line (none: nobody is mailed):</source>
      <translation>نشانی‌های رایانامه، هر کدام در یک خط (اگر هیچ نباشد به کسی نامه فرستاده نمی‌شود):</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="210" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
  </context>
  <context>
    <name>RecoverSessionDialog</name>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="34" />
      <source>A session was left running</source>
      <translation>جلسه‌ای باز مانده است</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="38" />
      <source>The app closed while a session was running: %1 with %2, started %3. Its last sign of life was at %4 (%5 after the start).</source>
      <translation>برنامه در حالی بسته شد که جلسه‌ای در جریان بود: %1 با %2، آغاز %3. آخرین نشانهٔ فعالیت در %4 بود (%5 پس از آغاز).</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="54" />
      <source>Stop it at the last heartbeat (recommended)</source>
      <translation>در زمان آخرین ضربان متوقف شود (پیشنهادی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="55" />
      <source>It ended at another time:</source>
      <translation>در زمان دیگری تمام شد:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="62" />
      <source>Why this time (required)</source>
      <translation>دلیل این زمان (الزامی)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/recover_session.py" line="68" />
      <source>Stop the session</source>
      <translation>توقف جلسه</translation>
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="35" />
      <source>Reject timesheet</source>
      <translation>رد کارکرد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="37" />
      <source>Reject the timesheet of %1 for %2? The agent sees the reason.</source>
      <translation>کارکرد %1 برای %2 رد شود؟ کارشناس دلیل را می‌بیند.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="44" />
      <source>e.g. Monday's calls are missing</source>
      <translation>مثلاً تماس‌های دوشنبه ثبت نشده‌اند</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="45" />
      <source>Reject</source>
      <translation>رد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/timesheet_dialogs.py" line="47" />
      <source>Reason for rejecting</source>
      <translation>دلیل رد</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="81" />
      <source>Responses within the target, per week</source>
      <translation>پاسخ‌های در مهلت، هفته به هفته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="82" />
      <source>Answered within target (%)</source>
      <translation>پاسخ در مهلت (٪)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="83" />
      <source>Median response (business hours)</source>
      <translation>میانهٔ زمان پاسخ (ساعت کاری)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="84" />
      <source>Billable minutes per channel: the top ten customers</source>
      <translation>دقیقه‌های قابل‌محاسبه به تفکیک روش: ده مشتری نخست</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="85" />
      <source>Minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="86" />
      <source>Customer availability per month</source>
      <translation>دسترس‌پذیری مشتریان در هر ماه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="87" />
      <source>Average availability</source>
      <translation>میانگین دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="88" />
      <source>Lowest availability</source>
      <translation>کمترین دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="89" />
      <source>Target</source>
      <translation>هدف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/report_charts.py" line="90" />
      <source>Availability (%)</source>
      <translation>دسترس‌پذیری (٪)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="321" />
      <location filename="../../ui/shell.py" line="42" />
      <source>Reports</source>
      <translation>گزارش‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="301" />
      <source>Weeks shown</source>
      <translation>تعداد هفته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="301" />
      <source>Response SLA</source>
      <translation>مهلت پاسخ‌گویی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="307" />
      <source>From</source>
      <translation>از</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="307" />
      <source>Until</source>
      <translation>تا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="310" />
      <source>Minutes by channel</source>
      <translation>دقیقه‌ها به تفکیک روش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="313" />
      <source>Months shown</source>
      <translation>تعداد ماه‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="313" />
      <source>Availability</source>
      <translation>دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="315" />
      <source>Only a supervisor can see the reports.</source>
      <translation>گزارش‌ها را فقط سرپرست می‌بیند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="343" />
      <source>Export…</source>
      <translation>خروجی…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="410" />
      <source>Export report</source>
      <translation>خروجی گزارش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="409" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="409" />
      <source>CSV file (*.csv)</source>
      <translation>فایل متنی (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reports.py" line="434" />
      <source>%1 rows saved.</source>
      <translation>%1 ردیف ذخیره شد.</translation>
    </message>
  </context>
  <context>
    <name>SessionBar</name>
    <message>
      <location filename="../../ui/session_bar.py" line="97" />
      <source>Start session</source>
      <translation>شروع جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="98" />
      <source>Time a phone, remote or ticket session (Ctrl+Shift+S)</source>
      <translation>زمان‌سنجی جلسهٔ تلفنی، راه دور یا تیکت (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="99" />
      <location filename="../../ui/session_bar.py" line="162" />
      <source>Pause</source>
      <translation>مکث</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="100" />
      <source>Stop</source>
      <translation>توقف</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="155" />
      <source>%1 with %2</source>
      <translation>%1 با %2</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="160" />
      <source>paused</source>
      <translation>در مکث</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="162" />
      <source>Resume</source>
      <translation>ادامه</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="176" />
      <source>No session running</source>
      <translation>جلسه‌ای در جریان نیست</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="211" />
      <source>Free support</source>
      <translation>پشتیبانی رایگان</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="213" />
      <source>Billable extra hours</source>
      <translation>ساعات مازاد قابل صورتحساب</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="217" />
      <source>Left after this session: %1</source>
      <translation>مانده پس از این جلسه: %1</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="223" />
      <source>The customer's package is used up; further time is billable extra hours.</source>
      <translation>بستهٔ مشتری تمام شد؛ ادامهٔ کار ساعات مازاد قابل صورتحساب است.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="227" />
      <source>Ten minutes or less left on the customer's package.</source>
      <translation>ده دقیقه یا کمتر از بستهٔ مشتری مانده است.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="255" />
      <source>A session is running</source>
      <translation>جلسه‌ای در جریان است</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="256" />
      <source>Stop the session with %1 and start a new one?</source>
      <translation>جلسه با %1 متوقف و جلسهٔ تازه آغاز شود؟</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="307" />
      <source>Session started with %1.</source>
      <translation>جلسه با %1 آغاز شد.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="367" />
      <source>● Stopped at %1; the database cannot be reached, the stop is recorded when it returns.</source>
      <translation>● توقف در ساعت %1؛ پایگاه داده در دسترس نیست و توقف پس از برقراری دوباره ثبت می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="371" />
      <source>The stop at %1 is kept and will be recorded when the database returns.</source>
      <translation>توقفِ ساعت %1 نگه داشته شد و با برگشتن پایگاه داده ثبت می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="382" />
      <source>Stop clicked while the database could not be reached; recorded when it returned.</source>
      <translation>توقف هنگام در دسترس نبودن پایگاه داده زده شد و پس از برقراری دوباره ثبت شد.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="390" />
      <source>The session had already been stopped.</source>
      <translation>جلسه پیش‌تر متوقف شده بود.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="405" />
      <source>Session stopped: %1, free support.</source>
      <translation>جلسه متوقف شد: %1، پشتیبانی رایگان.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="408" />
      <source>Session stopped: %1 billed.</source>
      <translation>جلسه متوقف شد: %1 کسر شد.</translation>
    </message>
    <message>
      <location filename="../../ui/session_bar.py" line="410" />
      <source>%1 of it as extra hours.</source>
      <translation>%1 از آن ساعات مازاد است.</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../ui/sign_in.py" line="208" />
      <location filename="../../ui/sign_in.py" line="214" />
      <location filename="../../ui/sign_in.py" line="344" />
      <location filename="../../ui/sign_in.py" line="508" />
      <source>Sign in</source>
      <translation>ورود</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="209" />
      <source>Support Console</source>
      <translation>میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="215" />
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="216" />
      <source>Another database…</source>
      <translation>پایگاه دادهٔ دیگر…</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="228" />
      <source>Username</source>
      <translation>نام کاربری</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="229" />
      <source>Password</source>
      <translation>گذرواژه</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="244" />
      <source>Demo: sign in as…</source>
      <translation>نسخهٔ نمایشی: ورود به‌عنوان…</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="247" />
      <source>The demo's accounts have no password. This list appears only on the demo database.</source>
      <translation>حساب‌های نسخهٔ نمایشی گذرواژه ندارند. این فهرست فقط روی پایگاه دادهٔ نمایشی دیده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="344" />
      <source>Signing in…</source>
      <translation>در حال ورود…</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="505" />
      <source>The database could not be reached; try again. (%1)</source>
      <translation>دسترسی به پایگاه داده ممکن نشد؛ دوباره تلاش کنید. (%1)</translation>
    </message>
  </context>
  <context>
    <name>StartSessionDialog</name>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="51" />
      <source>Start a session</source>
      <translation>شروع جلسهٔ کاری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="77" />
      <source>Training package</source>
      <translation>بستهٔ آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="80" />
      <source>Working out what pays…</source>
      <translation>در حال بررسی منبع پرداخت…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="83" />
      <source>The customer agrees to pay for extra hours</source>
      <translation>مشتری پرداخت ساعات مازاد را می‌پذیرد</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="89" />
      <source>Start</source>
      <translation>شروع</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="91" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="94" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="95" />
      <source>Channel</source>
      <translation>روش</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="96" />
      <source>Paid from</source>
      <translation>پرداخت از</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="100" />
      <source>Tickets this session covers (gather the customer's questions in one call):</source>
      <translation>تیکت‌هایی که این جلسه پوشش می‌دهد (پرسش‌های مشتری را در یک تماس جمع کنید):</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="174" />
      <source>Balance: %1 (package valid until %2)</source>
      <translation>مانده: %1 (اعتبار بسته تا %2)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/start_session.py" line="195" />
      <source>this ticket</source>
      <translation>همین تیکت</translation>
    </message>
  </context>
  <context>
    <name>StatementDialog</name>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="247" />
      <source>Statement PDF</source>
      <translation>صورت‌حساب ماهانه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="249" />
      <source>Choose where to save…</source>
      <translation>انتخاب جای ذخیره…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="261" />
      <source>Open the PDF once it is saved</source>
      <translation>پس از ذخیره، پرونده باز شود</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="265" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="266" />
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="267" />
      <source>Year</source>
      <translation>سال</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/customer_dialogs.py" line="276" />
      <source>That month has not begun: it has no statement yet.</source>
      <translation>آن ماه هنوز شروع نشده است و صورت‌حسابی ندارد.</translation>
    </message>
  </context>
  <context>
    <name>StatementsTab</name>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="42" />
      <source>Mailed</source>
      <translation>فرستاده می‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="44" />
      <source>Not mailed</source>
      <translation>فرستاده نمی‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="51" />
      <source>Active</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="53" />
      <source>Inactive</source>
      <translation>غیرفعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="70" />
      <source>Mail this customer the monthly statement</source>
      <translation>صورت‌حساب ماهانه برای این مشتری فرستاده شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="82" />
      <source>Save statement PDF…</source>
      <translation>ذخیرهٔ صورت‌حساب (پی‌دی‌اف)…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="89" />
      <source>The office server mails each chosen customer last month's statement, as a PDF, on the first business day of the month.</source>
      <translation>سرور دفتر صورت‌حساب ماه گذشته را، به‌صورت پروندهٔ پی‌دی‌اف، در نخستین روز کاری هر ماه برای مشتریان انتخاب‌شده می‌فرستد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="95" />
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="97" />
      <source>Year</source>
      <translation>سال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="162" />
      <source>Save statement</source>
      <translation>ذخیرهٔ صورت‌حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="162" />
      <source>PDF file (*.pdf)</source>
      <translation>پروندهٔ پی‌دی‌اف (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="177" />
      <source>The statement was saved.</source>
      <translation>صورت‌حساب ذخیره شد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="180" />
      <source>Building the statement…</source>
      <translation>در حال ساختن صورت‌حساب…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_statements.py" line="184" />
      <source>The statement was not made: the database cannot be reached.</source>
      <translation>صورت‌حساب ساخته نشد: پایگاه داده در دسترس نیست.</translation>
    </message>
  </context>
  <context>
    <name>SubmitDialog</name>
    <message>
      <location filename="../../ui/dialogs/account_dialogs.py" line="130" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
  </context>
  <context>
    <name>TemplateDialog</name>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="142" />
      <source>Notice text: %1</source>
      <translation>متن اطلاعیه: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="157" />
      <source>Subject</source>
      <translation>موضوع</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="159" />
      <source>Text</source>
      <translation>متن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="165" />
      <source>Placeholders this notice may use:</source>
      <translation>جای‌نشان‌هایی که این اطلاعیه می‌تواند داشته باشد:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="167" />
      <source>Preview with sample values:</source>
      <translation>پیش‌نمایش با مقدارهای نمونه:</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="175" />
      <source>Save</source>
      <translation>ذخیره</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="187" />
      <source>The text has an unpaired brace: { and } go in pairs.</source>
      <translation>متن آکولاد بی‌جفت دارد: { و } باید جفت باشند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="189" />
      <source>Subject: %1</source>
      <translation>موضوع: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="193" />
      <source>Both the subject and the text are needed.</source>
      <translation>موضوع و متن هر دو لازم‌اند.</translation>
    </message>
  </context>
  <context>
    <name>TemplatesTab</name>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="47" />
      <source>30 days before a package expires</source>
      <translation>۳۰ روز پیش از پایان اعتبار بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="48" />
      <source>7 days before a package expires</source>
      <translation>۷ روز پیش از پایان اعتبار بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="49" />
      <source>80% of a package used</source>
      <translation>۸۰٪ بسته استفاده شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="50" />
      <source>A package used up (100%)</source>
      <translation>بسته تمام شده (۱۰۰٪)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="51" />
      <source>Monthly statement</source>
      <translation>صورت‌حساب ماهانه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="52" />
      <source>Missed response deadline (to the office)</source>
      <translation>گذشتن مهلت پاسخ (به دفتر)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="55" />
      <source>The customer's name</source>
      <translation>نام مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="56" />
      <source>The customer's code</source>
      <translation>کد مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="57" />
      <source>The package's kind (support or training)</source>
      <translation>نوع بسته (پشتیبانی یا آموزش)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="58" />
      <source>The day the package expires</source>
      <translation>روز پایان اعتبار بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="59" />
      <source>The time left on the package</source>
      <translation>زمان ماندهٔ بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="60" />
      <source>The package's time when bought</source>
      <translation>زمان بسته هنگام خرید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="61" />
      <source>Days until it expires</source>
      <translation>روزهای مانده تا پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="62" />
      <source>How much of the package is used</source>
      <translation>درصد استفاده‌شده از بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="63" />
      <source>The statement's month</source>
      <translation>ماه صورت‌حساب</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="64" />
      <source>The ticket's number</source>
      <translation>شمارهٔ تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="65" />
      <source>The ticket's subject</source>
      <translation>موضوع تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="66" />
      <source>When the response was due</source>
      <translation>مهلت پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="81" />
      <source>Sample Company</source>
      <translation>شرکت نمونه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="83" />
      <source>support</source>
      <translation>پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="91" />
      <source>The invoice page does not open</source>
      <translation>صفحهٔ فاکتور باز نمی‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="127" />
      <source>Built-in text</source>
      <translation>متن پیش‌فرض</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="232" />
      <source>Edit text…</source>
      <translation>ویرایش متن…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="236" />
      <source>The office server mails these texts; the names in braces are filled in for each customer.</source>
      <translation>سرور دفتر این متن‌ها را می‌فرستد؛ نام‌های درون آکولاد برای هر مشتری پر می‌شوند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="244" />
      <source>Recipients…</source>
      <translation>گیرندگان…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="266" />
      <source>A missed response deadline is mailed to: %1</source>
      <translation>گذشتن مهلت پاسخ به این نشانی‌ها نامه می‌شود: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_templates.py" line="270" />
      <source>Nobody is mailed when a response deadline is missed.</source>
      <translation>هنگام گذشتن مهلت پاسخ به هیچ‌کس نامه فرستاده نمی‌شود.</translation>
    </message>
  </context>
  <context>
    <name>TicketPane</name>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="127" />
      <source>Claim</source>
      <extracomment>entities whose changes alter what the pane shows besides the ticket itself: the balances</extracomment>
      <translation>برداشتن</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="128" />
      <source>Take this ticket (Ctrl+K)</source>
      <translation>این تیکت را بردارید (Ctrl+K)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="129" />
      <source>Start timer</source>
      <translation>شروع زمان‌سنج</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="130" />
      <source>Time a session on this ticket (Ctrl+T)</source>
      <translation>زمان‌سنجی جلسه روی این تیکت (Ctrl+T)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="134" />
      <source>Category</source>
      <translation>دسته</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="136" />
      <source>State</source>
      <translation>وضعیت</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="138" />
      <source>Agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="147" />
      <source>Write a reply… (Ctrl+Enter sends, Ctrl+Shift+Enter adds a note)</source>
      <translation>پاسخ را بنویسید… (Ctrl+Enter ارسال، Ctrl+Shift+Enter یادداشت داخلی)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="150" />
      <source>Send reply</source>
      <translation>ارسال پاسخ</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="151" />
      <source>Reply and resolve</source>
      <translation>پاسخ و حل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="152" />
      <source>Internal note</source>
      <translation>یادداشت داخلی</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="215" />
      <source>Choose a ticket from the queue</source>
      <translation>تیکتی را از صف انتخاب کنید</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="260" />
      <source>Ticket #%1 could not be loaded: the database cannot be reached.</source>
      <translation>تیکت #%1 بارگیری نشد: پایگاه داده در دسترس نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="266" />
      <source>Could not be reloaded: the database cannot be reached. Shown as before.</source>
      <translation>دوباره بارگیری نشد: پایگاه داده در دسترس نیست. همان نمایش قبلی مانده است.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="280" />
      <source>%1 • opened %2 • %3</source>
      <translation>%1 • ثبت %2 • %3</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="293" />
      <source>Unassigned</source>
      <translation>بدون کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="302" />
      <source>%1 holds this ticket; only a supervisor can give it to someone else.</source>
      <translation>این تیکت با %1 است؛ فقط سرپرست می‌تواند آن را به کس دیگری بدهد.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="323" />
      <source>Written by %1</source>
      <translation>از طرف %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="332" />
      <source>No reply is awaited.</source>
      <translation>پاسخی در انتظار نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="336" />
      <source>No reply was written: the ticket was set to “%1”.</source>
      <translation>پاسخی نوشته نشده است: وضعیت تیکت به «%1» تغییر کرد.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="341" />
      <source>Last reply was in time (due %1).</source>
      <translation>آخرین پاسخ به‌موقع بود (مهلت %1).</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="343" />
      <source>Last reply was late (due %1).</source>
      <translation>آخرین پاسخ دیر بود (مهلت %1).</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="345" />
      <source>Response overdue by %1 (due %2).</source>
      <translation>پاسخ %1 از مهلت گذشته است (مهلت %2).</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="346" />
      <source>Reply within %1 business time (due %2).</source>
      <translation>تا %1 زمان کاری دیگر پاسخ دهید (مهلت %2).</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="348" />
      <source>Paused: %1</source>
      <translation>متوقف: %1</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="353" />
      <source>Free support: by ticket only, nothing is deducted.</source>
      <translation>پشتیبانی رایگان: فقط از راه تیکت؛ چیزی کسر نمی‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="355" />
      <source>Paid from the customer's support package.</source>
      <translation>از بستهٔ پشتیبانی مشتری کسر می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="357" />
      <source>Paid from the customer's training package.</source>
      <translation>از بستهٔ آموزش مشتری کسر می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="359" />
      <source>Sales handles this request (contract, on-site or comprehensive training): refer the customer to the sales department; no timer.</source>
      <translation>این درخواست با واحد فروش است (قرارداد، پشتیبانی حضوری یا آموزش جامع): مشتری را به واحد فروش ارجاع دهید؛ زمان‌سنج ندارد.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="366" />
      <source>No valid package.</source>
      <translation>بستهٔ معتبری ندارد.</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="370" />
      <source>%1: %2 left, until %3 (%4 days)</source>
      <translation>%1: %2 مانده، تا %3 (%4 روز)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="480" />
      <source>nobody</source>
      <translation>هیچ‌کس</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="483" />
      <source>A colleague's ticket</source>
      <translation>تیکت یک همکار</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="484" />
      <source>%1 holds this ticket. Give it to %2?</source>
      <translation>این تیکت با %1 است. آن را به %2 بدهید؟</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="487" />
      <source>Give it</source>
      <translation>بدهید</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="488" />
      <source>Keep it with %1</source>
      <translation>نزد %1 بماند</translation>
    </message>
    <message>
      <location filename="../../ui/queue/ticket_pane.py" line="507" />
      <source>a colleague</source>
      <translation>یک همکار</translation>
    </message>
  </context>
  <context>
    <name>TimeSpanDialog</name>
    <message>
      <location filename="../../ui/dialogs/time_span.py" line="47" />
      <source>The end must be after the start.</source>
      <translation>پایان باید پس از آغاز باشد.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/time_span.py" line="28" />
      <source>Add</source>
      <translation>افزودن</translation>
    </message>
  </context>
  <context>
    <name>TimesheetsPage</name>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="52" />
      <source>Forgotten timer</source>
      <translation>زمان‌سنج فراموش‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="53" />
      <source>Edited time</source>
      <translation>زمان ویرایش‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="54" />
      <source>Overage</source>
      <translation>مازاد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="55" />
      <source>Corrected</source>
      <translation>تصحیح‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="59" />
      <source>Approved</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="60" />
      <source>Gap: %1</source>
      <translation>فاصله: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="61" />
      <source>running</source>
      <translation>در جریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="62" />
      <source>Week %1 to %2</source>
      <translation>هفتهٔ %1 تا %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="63" />
      <source>Total</source>
      <translation>جمع کل</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="64" />
      <source>%1 sessions</source>
      <translation>%1 جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheet_models.py" line="65" />
      <source>no. %1</source>
      <translation>شمارهٔ %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="139" />
      <location filename="../../ui/shell.py" line="34" />
      <source>Timesheets</source>
      <translation>کارکرد کارشناسان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="84" />
      <source>Week</source>
      <translation>هفته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="85" />
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="91" />
      <source>Previous</source>
      <translation>قبلی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="92" />
      <source>Next</source>
      <translation>بعدی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="308" />
      <source>Approve</source>
      <translation>تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="101" />
      <source>Reject…</source>
      <translation>رد کارکرد…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="102" />
      <source>Correct…</source>
      <translation>تصحیح…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="104" />
      <source>Record a correction for the selected session of an approved period</source>
      <translation>ثبت تصحیح برای جلسهٔ انتخاب‌شده در دورهٔ تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="114" />
      <source>Corrections after approval</source>
      <translation>تصحیح‌های پس از تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="120" />
      <source>Agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="197" />
      <source>%1 to %2</source>
      <translation>%1 تا %2</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="250" />
      <source>Not reviewed yet.</source>
      <translation>هنوز بررسی نشده است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="253" />
      <source>Approved by %1 on %2.</source>
      <translation>%1 در %2 تأیید کرده است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="255" />
      <source>Rejected by %1 on %2: %3</source>
      <translation>%1 در %2 رد کرده است: %3</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="262" />
      <source>(decision on %1 to %2)</source>
      <translation>(تصمیم برای %1 تا %2)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="266" />
      <source>Some days of this period are not approved.</source>
      <translation>برخی روزهای این دوره تأیید نشده‌اند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="100" />
      <location filename="../../ui/pages/timesheets.py" line="302" />
      <source>Approve timesheet</source>
      <translation>تأیید کارکرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="303" />
      <source>Approve the timesheet of %1 for %2? Its sessions can then change only by corrections.</source>
      <translation>کارکرد %1 برای %2 تأیید شود؟ پس از آن جلسه‌های این دوره فقط با ثبت تصحیح تغییر می‌کنند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="309" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="363" />
      <source>A period can be approved once it has ended.</source>
      <translation>هر دوره را پس از پایانش می‌توان تأیید کرد.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/timesheets.py" line="365" />
      <source>A session of this period is still running.</source>
      <translation>یکی از جلسه‌های این دوره هنوز باز است.</translation>
    </message>
  </context>
  <context>
    <name>TokenShownDialog</name>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="107" />
      <source>The new token</source>
      <translation>توکن تازه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="110" />
      <source>The token for «%1» is below. Copy it now and give it to the integration: it is not kept and will never be shown again.</source>
      <translation>توکن «%1» در زیر است. همین حالا آن را رونوشت کنید و به یکپارچه‌سازی بدهید: نگه داشته نمی‌شود و دیگر هرگز نشان داده نمی‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="122" />
      <source>Copy</source>
      <translation>رونوشت</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="129" />
      <source>Close</source>
      <translation>بستن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="139" />
      <source>Copied.</source>
      <translation>رونوشت شد.</translation>
    </message>
  </context>
  <context>
    <name>TokensTab</name>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="43" />
      <source>Revoked</source>
      <translation>باطل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="45" />
      <source>In use</source>
      <translation>فعال</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="71" />
      <source>Never</source>
      <translation>هرگز</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="152" />
      <source>New token…</source>
      <translation>توکن تازه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="154" />
      <source>Revoke…</source>
      <translation>باطل کردن…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="158" />
      <source>Each integration (the customer portal, a script) gets its own token; a revoked token is refused from then on.</source>
      <translation>هر یکپارچه‌سازی (پورتال مشتریان، یک اسکریپت) توکن خودش را می‌گیرد؛ توکن باطل‌شده از آن پس پذیرفته نمی‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="209" />
      <source>Revoke token</source>
      <translation>باطل کردن توکن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="210" />
      <source>Revoke the token of «%1» (%2)? Every request with it is refused from now on.</source>
      <translation>توکن «%1» (%2) باطل شود؟ از این پس هر درخواستی با آن رد می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="215" />
      <source>Revoke</source>
      <translation>باطل کن</translation>
    </message>
    <message>
      <location filename="../../ui/pages/office_tokens.py" line="216" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
  </context>
  <context>
    <name>UnknownSendersPage</name>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="65" />
      <location filename="../../ui/shell.py" line="60" />
      <source>Unknown senders</source>
      <translation>فرستندگان ناشناس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="76" />
      <source>Mail from addresses that are not a contact of any customer waits here. Link it to a customer to open its ticket; the response deadline counts from the mail's arrival.</source>
      <translation>نامهٔ نشانی‌هایی که مخاطب هیچ مشتری‌ای نیستند اینجا می‌ماند. آن را به مشتری وصل کنید تا درخواستش باز شود؛ مهلت پاسخ از زمان رسیدن نامه شمرده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="86" />
      <source>Link to a customer…</source>
      <translation>وصل کردن به مشتری…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="96" />
      <source>Mail from unknown senders</source>
      <translation>نامه‌های فرستندگان ناشناس</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="108" />
      <source>%1 mails are waiting.</source>
      <translation>%1 نامه در انتظار است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="110" />
      <source>No mail is waiting.</source>
      <translation>نامه‌ای در انتظار نیست.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/unknown_senders.py" line="113" />
      <source>Ticket %1 was opened.</source>
      <translation>درخواست %1 باز شد.</translation>
    </message>
  </context>
  <context>
    <name>UnreachableDatabase</name>
    <message>
      <location filename="../../ui/unreachable.py" line="21" />
      <source>Database unreachable</source>
      <translation>پایگاه داده در دسترس نیست</translation>
    </message>
    <message>
      <location filename="../../ui/unreachable.py" line="24" />
      <source>The database could not be reached:</source>
      <translation>به پایگاه داده نمی‌توان وصل شد:</translation>
    </message>
    <message>
      <location filename="../../ui/unreachable.py" line="29" />
      <source>Check the network and that the database server is running, then try again; or choose another database. Nothing has been changed.</source>
      <translation>شبکه و روشن بودن کارساز پایگاه داده را بررسی کنید و دوباره تلاش کنید، یا پایگاه دادهٔ دیگری برگزینید. چیزی تغییر نکرده است.</translation>
    </message>
    <message>
      <location filename="../../ui/unreachable.py" line="36" />
      <source>Try again</source>
      <translation>تلاش دوباره</translation>
    </message>
    <message>
      <location filename="../../ui/unreachable.py" line="39" />
      <source>Choose another database…</source>
      <translation>انتخاب پایگاه دادهٔ دیگر…</translation>
    </message>
    <message>
      <location filename="../../ui/unreachable.py" line="43" />
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
  </context>
  <context>
    <name>UptimeLetter</name>
    <message>
      <location filename="../../ui/uptime_letter.py" line="62" />
      <source>The service met the target in this month; no credit is owed for it.</source>
      <translation>سرویس در این ماه به هدف رسیده است و جبرانی تعلق نمی‌گیرد.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="65" />
      <source>A credit is owed for this month; it awaits a supervisor's review.</source>
      <translation>برای این ماه جبران تعلق می‌گیرد و در انتظار بررسی سرپرست است.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="68" />
      <source>Approved on %1: your subscription is extended by %2 days, from %3 to %4.</source>
      <translation>در %1 تأیید شد: اشتراک شما %2 روز تمدید می‌شود، از %3 تا %4.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="72" />
      <source>Not approved (decided on %1). Reason: %2</source>
      <translation>تأیید نشد (تصمیم در %1). دلیل: %2</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="77" />
      <source>Your service</source>
      <translation>سرویس شما</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="78" />
      <source>All customers</source>
      <translation>همهٔ مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="79" />
      <source>Under the terms of support, the service must be available at least %1 of each Jalali month. When it is less, you are owed extra service equal to %2 times the downtime, added to your subscription.</source>
      <translation>بنا بر شرایط پشتیبانی، سرویس باید دست‌کم %1 از هر ماه شمسی در دسترس باشد. اگر کمتر باشد، خدمتی افزون به اندازهٔ %2 برابر زمان قطعی به اشتراک شما افزوده می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="85" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="86" />
      <source>Period</source>
      <translation>دوره</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="87" />
      <source>Availability</source>
      <translation>دسترس‌پذیری</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="88" />
      <source>Downtime</source>
      <translation>زمان قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="89" />
      <source>Credit owed</source>
      <translation>جبران تعلق‌گرفته</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="90" />
      <source>No credit</source>
      <translation>بدون جبران</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="91" />
      <source>Subscription extension</source>
      <translation>تمدید اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="92" />
      <source>%1 days (rounded up)</source>
      <translation>%1 روز (گرد شده به بالا)</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="93" />
      <source>Start</source>
      <translation>شروع</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="94" />
      <source>End</source>
      <translation>پایان</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="95" />
      <source>Duration</source>
      <translation>مدت</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="96" />
      <source>Scope</source>
      <translation>دامنه</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="97" />
      <source>Cause</source>
      <translation>علت</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="98" />
      <source>Outages counted</source>
      <translation>قطعی‌های به‌حساب‌آمده</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="99" />
      <source>Times are on the Tehran clock. Overlapping outages are counted once.</source>
      <translation>زمان‌ها به وقت تهران است. قطعی‌های هم‌پوشان یک بار حساب شده‌اند.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="102" />
      <source>No outage was recorded for your service in this month.</source>
      <translation>در این ماه هیچ قطعی‌ای برای سرویس شما ثبت نشده است.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="103" />
      <source>Planned maintenance is not counted.</source>
      <translation>نگهداری برنامه‌ریزی‌شده حساب نشده است.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="104" />
      <source>The outage log has changed since this decision; the figures above are those it was taken on.</source>
      <translation>فهرست قطعی‌ها پس از این تصمیم تغییر کرده است؛ ارقام بالا همان‌هایی است که تصمیم بر پایهٔ آن‌ها گرفته شد.</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="108" />
      <source>Service availability report: %1</source>
      <translation>گزارش دسترس‌پذیری سرویس: %1</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="109" />
      <source>Date: %1</source>
      <translation>تاریخ: %1</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="110" />
      <source>To: %1 (customer code %2)</source>
      <translation>به: %1 (کد مشتری %2)</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="111" />
      <source>Decision</source>
      <translation>تصمیم</translation>
    </message>
    <message>
      <location filename="../../ui/uptime_letter.py" line="112" />
      <source>crmonline support team</source>
      <translation>تیم پشتیبانی crmonline</translation>
    </message>
  </context>
  <context>
    <name>UptimePage</name>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="26" />
      <source>No credit</source>
      <translation>بدون جبران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="27" />
      <source>Owed, not calculated</source>
      <translation>تعلق‌گرفته، محاسبه‌نشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="28" />
      <source>Awaiting review</source>
      <translation>در انتظار بررسی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="29" />
      <source>Approved</source>
      <translation>تأییدشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="30" />
      <source>Rejected</source>
      <translation>ردشده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="32" />
      <source>%1 (outage log changed)</source>
      <translation>%1 (فهرست قطعی‌ها تغییر کرده)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="33" />
      <source>Decided on a credit of %1; the outage log now gives %2. The decision is kept as it was.</source>
      <translation>تصمیم بر پایهٔ جبران %1 گرفته شد؛ فهرست قطعی‌ها اکنون %2 می‌دهد. تصمیم همان‌گونه که بود می‌ماند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="36" />
      <source>The outage log changed after this credit was calculated: calculate the credits again.</source>
      <translation>فهرست قطعی‌ها پس از محاسبهٔ این جبران تغییر کرده است: جبران‌ها را دوباره محاسبه کنید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="39" />
      <source>%1 days</source>
      <translation>%1 روز</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="40" />
      <source>All customers</source>
      <translation>همهٔ مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="41" />
      <source>Planned</source>
      <translation>برنامه‌ریزی‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime_models.py" line="42" />
      <source>Planned maintenance is not counted under the current policy</source>
      <translation>با سیاست کنونی، نگهداری برنامه‌ریزی‌شده حساب نمی‌شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="169" />
      <location filename="../../ui/shell.py" line="40" />
      <source>Uptime and credits</source>
      <translation>دسترس‌پذیری و جبران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="104" />
      <source>Previous month</source>
      <translation>ماه قبل</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="105" />
      <source>Next month</source>
      <translation>ماه بعد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="107" />
      <source>Planned maintenance counts as downtime</source>
      <translation>نگهداری برنامه‌ریزی‌شده جزو زمان قطعی حساب شود</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="112" />
      <source>Only a supervisor can remove outages, decide credits or change the policy; you can log an outage and export a letter.</source>
      <translation>حذف قطعی، تصمیم دربارهٔ جبران و تغییر سیاست فقط با سرپرست است؛ شما می‌توانید قطعی ثبت کنید و نامه بگیرید.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="128" />
      <source>Calculate credits</source>
      <translation>محاسبهٔ جبران‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="129" />
      <source>Approve credit…</source>
      <translation>تأیید جبران…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="130" />
      <source>Reject credit…</source>
      <translation>رد جبران…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="131" />
      <source>Export letter…</source>
      <translation>خروجی نامه…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="136" />
      <source>Add outage…</source>
      <translation>ثبت قطعی…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="137" />
      <location filename="../../ui/pages/uptime.py" line="404" />
      <source>Remove outage</source>
      <translation>حذف قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="140" />
      <source>Month</source>
      <translation>ماه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="152" />
      <source>Availability by customer</source>
      <translation>دسترس‌پذیری هر مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="159" />
      <source>Outage log</source>
      <translation>فهرست قطعی‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="226" />
      <source>%1 to %2, Tehran time</source>
      <translation>%1 تا %2، به وقت تهران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="234" />
      <source>Target %1; credit %2 × downtime</source>
      <translation>هدف: %1؛ جبران: %2 برابر زمان قطعی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="250" />
      <source>%1 customers below the target: %2 not calculated, %3 awaiting review, %4 approved.</source>
      <translation>%1 مشتری زیر هدف: %2 محاسبه‌نشده، %3 در انتظار بررسی، %4 تأییدشده.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="259" />
      <source>The outage log changed after %1 credits were calculated or decided.</source>
      <translation>فهرست قطعی‌ها پس از محاسبه یا تصمیم %1 جبران تغییر کرده است.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="271" />
      <source>Credits calculated: %1 new, %2 recalculated, %3 withdrawn.</source>
      <translation>جبران‌ها محاسبه شد: %1 جدید، %2 بازمحاسبه، %3 پس‌گرفته.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="277" />
      <source>The outage log changed after the decision for %1; decisions are kept as they were.</source>
      <translation>فهرست قطعی‌ها پس از تصمیم دربارهٔ %1 تغییر کرده است؛ تصمیم‌ها همان‌گونه که بودند می‌مانند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="289" />
      <source>Approve a credit of %1 for %2 in %3? The subscription end moves %4 days: %5 → %6.</source>
      <translation>جبران %1 برای «%2» در %3 تأیید شود؟ پایان اشتراک %4 روز جلو می‌رود: از %5 به %6.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="297" />
      <source>Approve credit</source>
      <translation>تأیید جبران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="298" />
      <source>Approve</source>
      <translation>تأیید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="299" />
      <source>Cancel</source>
      <translation>انصراف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="313" />
      <source>Reject the credit of %1 for %2 in %3? Write the reason; it is kept with the decision.</source>
      <translation>جبران %1 برای «%2» در %3 رد شود؟ دلیل را بنویسید؛ همراه تصمیم نگه داشته می‌شود.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="318" />
      <source>Reject credit</source>
      <translation>رد جبران</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="318" />
      <source>Reject</source>
      <translation>رد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="336" />
      <source>Save the letter</source>
      <translation>ذخیرهٔ نامه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="336" />
      <source>PDF (*.pdf)</source>
      <translation>پی‌دی‌اف (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="358" />
      <source>Letter saved: %1</source>
      <translation>نامه ذخیره شد: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="400" />
      <source>Remove the outage from %1 until %2? Credits already decided stay as they are.</source>
      <translation>قطعی از %1 تا %2 حذف شود؟ جبران‌هایی که درباره‌شان تصمیم گرفته شده تغییر نمی‌کنند.</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="405" />
      <source>Remove</source>
      <translation>حذف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/uptime.py" line="406" />
      <source>Keep</source>
      <translation>نگه‌داشتن</translation>
    </message>
  </context>
  <context>
    <name>_RunnerDialog</name>
    <message>
      <location filename="../../ui/sign_in.py" line="121" />
      <source>Please wait…</source>
      <translation>لطفاً صبر کنید…</translation>
    </message>
    <message>
      <location filename="../../ui/sign_in.py" line="160" />
      <source>The database could not be reached; try again. (%1)</source>
      <translation>دسترسی به پایگاه داده ممکن نشد؛ دوباره تلاش کنید. (%1)</translation>
    </message>
  </context>
</TS>