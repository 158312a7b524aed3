<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
  <context>
    <name>Columns</name>
    <message>
      <location filename="../../ui/pages/customers.py" line="40" />
      <source>Code</source>
      <translation>کد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="41" />
      <source>Customer</source>
      <translation>مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="42" />
      <source>Support left</source>
      <translation>ماندهٔ پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="45" />
      <source>Training left</source>
      <translation>ماندهٔ آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="48" />
      <source>Next expiry</source>
      <translation>نزدیک‌ترین انقضا</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="50" />
      <source>Subscription end</source>
      <translation>پایان اشتراک</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="58" />
      <source>Package</source>
      <translation>بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="59" />
      <source>Purchased</source>
      <translation>تاریخ خرید</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="61" />
      <source>Expires</source>
      <translation>پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="63" />
      <source>Days left</source>
      <translation>روز مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="67" />
      <source>Bought</source>
      <translation>خریداری‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="69" />
      <source>Balance</source>
      <translation>مانده</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="77" />
      <source>When</source>
      <translation>زمان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="79" />
      <source>Entry</source>
      <translation>ردیف</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="80" />
      <source>Package no.</source>
      <translation>شمارهٔ بسته</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="83" />
      <source>Minutes</source>
      <translation>دقیقه</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="86" />
      <source>Reason</source>
      <translation>شرح</translation>
    </message>
  </context>
  <context>
    <name>CustomersPage</name>
    <message>
      <location filename="../../ui/pages/customers.py" line="116" />
      <source>Customers</source>
      <translation>مشتریان</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="120" />
      <source>Search by name or code…</source>
      <translation>جستجو با نام یا کد…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="147" />
      <source>Packages</source>
      <translation>بسته‌ها</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="151" />
      <source>Ledger</source>
      <translation>دفتر کارکرد</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="204" />
      <source>Support left: %1</source>
      <translation>ماندهٔ پشتیبانی: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="205" />
      <source>Training left: %1</source>
      <translation>ماندهٔ آموزش: %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="206" />
      <source>Subscription until %1</source>
      <translation>اشتراک تا %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/customers.py" line="209" />
      <source>Extra billable: %1</source>
      <translation>ساعات مازاد: %1</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/labels.py" line="9" />
      <source>Service availability</source>
      <translation>دسترس‌پذیری سرویس</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="10" />
      <source>Support portal</source>
      <translation>پورتال پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="11" />
      <source>Feature questions</source>
      <translation>پرسش دربارهٔ امکانات</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="12" />
      <source>Guidance</source>
      <translation>راهنمایی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="13" />
      <source>Technical problem</source>
      <translation>رفع اشکال فنی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="14" />
      <source>Customisation</source>
      <translation>سفارشی‌سازی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="15" />
      <source>Training</source>
      <translation>آموزش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="16" />
      <source>Analysis and design</source>
      <translation>تحلیل و طراحی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="17" />
      <source>On-site support</source>
      <translation>پشتیبانی حضوری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="18" />
      <source>Comprehensive training</source>
      <translation>آموزش جامع</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="20" />
      <source>Free support</source>
      <translation>پشتیبانی رایگان</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="21" />
      <source>Support package</source>
      <translation>بستهٔ پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="22" />
      <source>Sales department</source>
      <translation>واحد فروش</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="24" />
      <source>Purchase</source>
      <translation>خرید</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="25" />
      <source>Session deduction</source>
      <translation>کسر جلسه</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="26" />
      <source>Adjustment</source>
      <translation>اصلاح</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="27" />
      <source>Expiry forfeit</source>
      <translation>سوخت پایان اعتبار</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="28" />
      <source>Extra billable hours</source>
      <translation>ساعات مازاد</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="29" />
      <source>Correction</source>
      <translation>تصحیح</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="31" />
      <source>Open</source>
      <translation>باز</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="32" />
      <source>Waiting on customer</source>
      <translation>در انتظار مشتری</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="33" />
      <source>Resolved</source>
      <translation>حل‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="34" />
      <source>Closed</source>
      <translation>بسته‌شده</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="36" />
      <source>Phone</source>
      <translation>تلفنی</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="37" />
      <source>Remote session</source>
      <translation>اتصال از راه دور</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="38" />
      <source>Ticket</source>
      <translation>تیکت</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="40" />
      <source>Agent</source>
      <translation>کارشناس</translation>
    </message>
    <message>
      <location filename="../../ui/labels.py" line="41" />
      <source>Supervisor</source>
      <translation>سرپرست</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="38" />
      <source>Support Console</source>
      <translation>میز پشتیبانی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="69" />
      <source>Signed in: %1 (%2)</source>
      <translation>کاربر: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="72" />
      <source>Shared server %1</source>
      <translation>سرور مشترک %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="72" />
      <source>Local file</source>
      <translation>پایگاه دادهٔ محلی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="74" />
      <source>Demo database</source>
      <translation>پایگاه دادهٔ نمایشی</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="116" />
      <source>● Connected</source>
      <translation>● متصل</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="116" />
      <source>● Disconnected: retrying</source>
      <translation>● قطع ارتباط؛ تلاش دوباره…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="122" />
      <source>Not done</source>
      <translation>انجام نشد</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="125" />
      <source>Database error</source>
      <translation>خطای پایگاه داده</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="126" />
      <source>The operation could not be completed; nothing was changed.
%1</source>
      <translation>عملیات انجام نشد؛ هیچ چیز تغییر نکرد.
%1</translation>
    </message>
  </context>
</TS>