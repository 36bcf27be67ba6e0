import type { MarketSpec } from "./types";

const open = [{ open: "08:30", close: "17:00" }];

export const id: MarketSpec = {
  slug: "demo-id",
  tenant: {
    name: "Showroom Mobil Surabaya",
    locale: "id-ID",
    currency: "IDR",
    timeZone: "Asia/Jakarta",
    country: "ID",
    phone: "+62 31 567 8900",
    address: { street: "Jl. Ahmad Yani No. 188", city: "Surabaya", postalCode: "60234", country: "ID" },
    geo: { lat: -7.3166, lng: 112.7309 },
    businessHours: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: [{ open: "08:30", close: "16:00" }], sun: [{ open: "10:00", close: "15:00" }] },
    branding: { primaryColor: "#9f1239", accentColor: "#facc15" },
    financing: { ratePct: 9.5, termMonths: 48, downPaymentPct: 25 },
  },
  phoneNumberId: "100000000000003",
  ownerWhatsApp: "6281100000001",
  fonnteDevice: "628123456789",
  staffNames: ["Budi Santoso", "Siti Rahayu", "Agus Wijaya", "Dewi Lestari"],
  customerNames: ["Andi Pratama", "Rina Wulandari", "Hendra Gunawan", "Putri Maharani", "Joko Susilo", "Ayu Kartika", "Dimas Saputra", "Fitri Handayani", "Rudi Hartono", "Nur Aini", "Eko Prasetyo", "Maya Sari", "Bayu Nugroho", "Lina Marlina", "Fajar Ramadhan", "Indah Permata", "Yusuf Hidayat", "Sri Mulyani", "Arif Setiawan", "Wulan Dari", "Teguh Wibowo", "Ratna Sari", "Irfan Hakim", "Novi Anggraini", "Galih Permana", "Citra Dewi"],
  phonePrefix: "6281",
  phoneDigits: 9,
  emailDomain: "contoh.co.id",
  models: [
    { make: "Toyota", model: "Avanza", variants: ["1.3 G", "1.5 G CVT", "1.3 E"], body: "mpv", fuels: ["petrol"], automaticShare: 0.4, basePrice: 215000000, powerHp: 98, seats: 7, doors: 5 },
    { make: "Toyota", model: "Kijang Innova", variants: ["2.4 G Diesel", "2.0 V Bensin"], body: "mpv", fuels: ["diesel", "petrol"], automaticShare: 0.6, basePrice: 385000000, powerHp: 149, seats: 7, doors: 5 },
    { make: "Toyota", model: "Fortuner", variants: ["2.4 VRZ 4x2", "2.8 GR Sport 4x4"], body: "suv", fuels: ["diesel"], automaticShare: 0.9, basePrice: 545000000, powerHp: 150, seats: 7, doors: 5 },
    { make: "Toyota", model: "Rush", variants: ["1.5 S GR Sport", "1.5 G"], body: "suv", fuels: ["petrol"], automaticShare: 0.5, basePrice: 255000000, powerHp: 104, seats: 7, doors: 5 },
    { make: "Toyota", model: "Calya", variants: ["1.2 G", "1.2 E"], body: "mpv", fuels: ["petrol"], automaticShare: 0.3, basePrice: 155000000, powerHp: 88, seats: 7, doors: 5 },
    { make: "Daihatsu", model: "Xenia", variants: ["1.3 R", "1.5 R ADS"], body: "mpv", fuels: ["petrol"], automaticShare: 0.3, basePrice: 205000000, powerHp: 95, seats: 7, doors: 5 },
    { make: "Daihatsu", model: "Ayla", variants: ["1.2 R", "1.0 X"], body: "hatchback", fuels: ["petrol"], automaticShare: 0.3, basePrice: 130000000, powerHp: 87, seats: 5, doors: 5 },
    { make: "Daihatsu", model: "Terios", variants: ["1.5 R Custom", "1.5 X"], body: "suv", fuels: ["petrol"], automaticShare: 0.4, basePrice: 240000000, powerHp: 104, seats: 7, doors: 5 },
    { make: "Honda", model: "Brio", variants: ["Satya E", "RS"], body: "hatchback", fuels: ["petrol"], automaticShare: 0.6, basePrice: 165000000, powerHp: 90, seats: 5, doors: 5 },
    { make: "Honda", model: "HR-V", variants: ["1.5 SE", "1.5 Turbo RS"], body: "suv", fuels: ["petrol"], automaticShare: 1, basePrice: 365000000, powerHp: 121, seats: 5, doors: 5 },
    { make: "Honda", model: "Jazz", variants: ["RS CVT"], body: "hatchback", fuels: ["petrol"], automaticShare: 0.8, basePrice: 215000000, powerHp: 120, seats: 5, doors: 5 },
    { make: "Honda", model: "CR-V", variants: ["1.5 Turbo Prestige"], body: "suv", fuels: ["petrol"], automaticShare: 1, basePrice: 495000000, powerHp: 190, seats: 7, doors: 5 },
    { make: "Mitsubishi", model: "Xpander", variants: ["Ultimate CVT", "Exceed MT", "Cross Premium"], body: "mpv", fuels: ["petrol"], automaticShare: 0.6, basePrice: 255000000, powerHp: 105, seats: 7, doors: 5 },
    { make: "Mitsubishi", model: "Pajero Sport", variants: ["Dakar 4x2", "Exceed"], body: "suv", fuels: ["diesel"], automaticShare: 0.9, basePrice: 525000000, powerHp: 181, seats: 7, doors: 5 },
    { make: "Suzuki", model: "Ertiga", variants: ["GX AT", "GL MT"], body: "mpv", fuels: ["petrol"], automaticShare: 0.5, basePrice: 215000000, powerHp: 103, seats: 7, doors: 5 },
    { make: "Wuling", model: "Almaz", variants: ["1.5 Turbo Exclusive"], body: "suv", fuels: ["petrol"], automaticShare: 1, basePrice: 285000000, powerHp: 140, seats: 7, doors: 5 },
  ],
  colors: ["white", "black", "silver", "grey", "red", "brown"],
  plate: (r) => `${r.pick(["L", "W", "S", "N"])} ${r.int(1000, 9999)} ${r.pick(["AB", "UK", "JN", "XY", "QA", "BR"])}`,
  stockPrefix: "SMS",
  priceStep: 1000000,
  mileagePerYear: 12000,
  features: ["AC double blower", "Kamera mundur", "Head unit layar sentuh", "Velg racing", "Sensor parkir", "Keyless entry", "Jok kulit", "Airbag ganda", "Power window", "Spion elektrik", "Pajak hidup", "Buku servis lengkap"],
  describe: (v) =>
    `${v.make} ${v.model} tahun ${v.year}, kilometer ${v.mileageKm.toLocaleString("id-ID")}. ` +
    `Kondisi istimewa, servis rutin di bengkel resmi, surat-surat lengkap dan pajak hidup. Bisa kredit dengan DP ringan.`,
  conversation: {
    customerAsks: (car) => [`Halo kak, ${car} masih ada?`, "Besok bisa test drive?"],
    assistantAnswers: (car, code, price) => [
      `Halo kak! ${car} (${code}) masih tersedia, harga ${price}. Mau jadwalkan test drive?`,
      "Besok bisa jam 10:00 atau 14:00 di showroom Jl. Ahmad Yani. Mau jam berapa kak?",
    ],
    staffLine: "Siap kak, mobilnya sudah kami siapkan. Sampai jumpa besok!",
  },
  lostReasons: ["Beli di tempat lain", "Harga terlalu tinggi", "Tidak ada respon", "Kredit ditolak"],
};
