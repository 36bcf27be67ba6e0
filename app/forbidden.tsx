import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-bold">This page is not available for your role</h1>
      <p className="mt-2 text-slate-600">Ask a manager or the owner of your dealership if you need access.</p>
      <Link href="/inbox" className="mt-6 inline-block font-medium text-slate-900 underline">Back to the inbox</Link>
    </main>
  );
}
